import { formatDate } from "@/lib/format";
import type { PublicSource } from "@/lib/releases/content";

/** A published source as a reader cites it: title (a link to its address), publisher, date. */
export function SourceCitation({ source }: { source: PublicSource }) {
  return (
    <cite className="not-italic">
      {source.url ? <a href={source.url}>{source.title}</a> : source.title}, {source.publisher}
      {source.publishedOn ? `, ${formatDate(source.publishedOn)}` : ", undated"}
      {source.url ? null : " (no address recorded)"}.
    </cite>
  );
}
