import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/format";
import type { ReleaseMeta } from "@/lib/releases/content";

/** Which release a page shows, when it was published, what replaced it, and where its data is. */
export function ReleaseBanner({ release, slug }: { release: ReleaseMeta; slug: string }) {
  const base = `/api/public/partnerships/${slug}/releases/${release.number}`;
  return (
    <div className="space-y-1 border-l-4 border-primary bg-base-lightest p-4 text-sm" data-release={release.number}>
      <p>
        <strong>
          Release {release.number}, published {formatDate(release.publishedAt.slice(0, 10))}
        </strong>
        {release.dateIllustrative ? " (illustrative date: the seeded history is dated when these figures would have been published)" : ""}: {release.event}
        {release.reason ? `. Reason given: ${release.reason}` : ""}.
      </p>
      {release.supersededAt ? (
        <p role="status">
          This release was replaced on {formatDateTime(release.supersededAt)}. <Link href={`/partnerships/${slug}`}>See the latest release</Link>.
        </p>
      ) : null}
      <p>
        <Link href={`/partnerships/${slug}/releases`}>Every release and what it changed</Link> · Open data for this release:{" "}
        <a href={`${base}/summary.json`}>summary.json</a> · <a href={`${base}/summary.csv`}>summary.csv</a> ·{" "}
        <a href={`${base}/iati.xml`}>IATI 2.03 (iati.xml)</a> · SHA-256 of its figures: <code className="break-all">{release.digest}</code>
      </p>
      <form action={`/partnerships/${slug}`} method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          <span>What was public on a date</span>
          <input type="date" name="asOf" required className="border border-ink px-2 py-1" />
        </label>
        <button type="submit" className="border border-primary px-3 py-1 text-primary">
          Show that release
        </button>
      </form>
    </div>
  );
}
