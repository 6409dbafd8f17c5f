import type { Metadata } from "next";
import Link from "next/link";
import { ReleaseHistory } from "@/components/public/release-history";
import { ReleaseBanner } from "@/components/public/release-banner";
import { DataTable } from "@/components/ui/data-table";
import { requireSignedIn } from "@/lib/auth/session";
import { getReleaseDesk } from "@/lib/data/releases";
import { formatMeasure } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Public releases" };

/** What the public sees (the latest release and every earlier one) beside the live figures. */
export default async function ReleaseDeskPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/releases`;
  const actor = await requireSignedIn(path);
  const desk = await readForPage(() => getReleaseDesk(actor, slug), path);
  return (
    <div className="space-y-8">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}`}>{desk.partnership.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">Public releases</h1>
      {desk.latest ? <ReleaseBanner release={desk.latest.release} slug={slug} /> : <p role="status">Nothing has been published for this partnership yet.</p>}
      <section aria-labelledby="live-heading" className="space-y-2">
        <h2 id="live-heading" className="text-2xl font-bold">
          Live figures beside the public record
        </h2>
        <p className="max-w-3xl text-sm">
          Live: every approved report as the dashboard counts it, exact. Public: what the latest release shows after disclosure control. They differ where a
          count of children is rounded or withheld.
        </p>
        <DataTable
          caption="Each indicator's live total to date and its published figure"
          columns={[
            { key: "indicator", label: "Indicator" },
            { key: "live", label: "Live, to date (not public)", numeric: true },
            { key: "published", label: "Published", numeric: true },
            { key: "note", label: "Why they differ" },
          ]}
          rows={desk.figures.map((f) => ({
            indicator: `${f.code} ${f.name}`,
            live: formatMeasure(f.live, f.unit),
            published: f.published ?? "not published",
            note: f.note ?? "",
          }))}
        />
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-2xl font-bold">
          Every release
        </h2>
        <ReleaseHistory slug={slug} releases={desk.releases} headingLevel={3} />
      </section>
    </div>
  );
}
