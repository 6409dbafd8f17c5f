import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { FigureChange, ReleaseMeta } from "@/lib/releases/content";

export interface HistoryItem extends ReleaseMeta {
  changes: FigureChange[];
  /** Who approved or reopened: shown to signed-in users only. */
  actor?: string | null;
}

/** Releases newest first, each with its date, what triggered it, the reason, and the figures it changed. */
export function ReleaseHistory({ slug, releases, headingLevel = 2 }: { slug: string; releases: HistoryItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (releases.length === 0) return <p>No release has been published yet.</p>;
  return (
    <ol className="space-y-6">
      {releases.map((r) => (
        <li key={r.number} className="space-y-2 border-t border-rule pt-4" id={`release-${r.number}`}>
          <Heading className="text-xl font-bold">
            <Link href={`/partnerships/${slug}/releases/${r.number}`}>Release {r.number}</Link>, {formatDate(r.publishedAt.slice(0, 10))}
            {r.dateIllustrative ? " (illustrative date)" : ""}
          </Heading>
          <p>
            {r.event}
            {r.reason ? `. Reason given: ${r.reason}` : ""}.{r.actor ? ` By ${r.actor}.` : ""}
          </p>
          {r.changes.length === 0 ? (
            <p className="text-sm">No published figure changed.</p>
          ) : (
            <details open={r.changes.length <= 12}>
              <summary className="cursor-pointer text-primary underline">
                {r.changes.length === 1 ? "1 published figure changed" : `${r.changes.length} published figures changed`}
              </summary>
              <DataTable
                caption={`Figures changed by release ${r.number}`}
                columns={[
                  { key: "figure", label: "Figure" },
                  { key: "from", label: "Was" },
                  { key: "to", label: "Now" },
                ]}
                rows={r.changes.map((c) => ({ figure: c.figure, from: c.from ?? "not published", to: c.to ?? "no longer published" }))}
              />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
