import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { getReleaseHistory } from "@/lib/data/releases";
import { formatDate } from "@/lib/format";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<{ asOf?: string | string[] }>;

export const metadata: Metadata = { title: "Releases and revisions" };

/** Every release of a partnership's public figures, newest first, with what each one changed and why. */
export default async function ReleasesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const { asOf } = await searchParams;
  const history = await getReleaseHistory(slug);
  if (!history) notFound();
  const first = history.releases.at(-1);
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href={`/partnerships/${slug}`}>{history.partnership.name}</Link>
        </p>
        <h1 className="text-3xl font-bold">Releases and revisions</h1>
        <p className="max-w-3xl">
          Each release is the public record of this partnership from its date until the next one: it is numbered, dated and never changed. Approving a
          quarter&apos;s report, or reopening one, publishes a new release when the public figures change. Published figures are shown after disclosure control,
          as the public saw them.
        </p>
        {typeof asOf === "string" ? (
          <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
            Nothing had been published for this partnership by {/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? formatDate(asOf) : asOf}.
            {first ? ` The first release is dated ${formatDate(first.publishedAt.slice(0, 10))}.` : ""}
          </p>
        ) : null}
      </header>
      {history.releases.length === 0 ? (
        <p>No release has been published yet.</p>
      ) : (
        <ol className="space-y-6">
          {history.releases.map((r) => (
            <li key={r.number} className="space-y-2 border-t border-rule pt-4" id={`release-${r.number}`}>
              <h2 className="text-xl font-bold">
                <Link href={`/partnerships/${slug}/releases/${r.number}`}>Release {r.number}</Link>, {formatDate(r.publishedAt.slice(0, 10))}
                {r.dateIllustrative ? " (illustrative date)" : ""}
              </h2>
              <p>
                {r.event}
                {r.reason ? `. Reason given: ${r.reason}` : ""}.
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
      )}
    </article>
  );
}
