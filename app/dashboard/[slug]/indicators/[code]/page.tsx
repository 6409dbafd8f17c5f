import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { ChosenIndicatorChart, unitLabel } from "@/components/dashboard/results-section";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { scopeOf } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { getIndicatorDetail } from "@/lib/data/indicator-detail";
import { formatDateTime, formatMeasure, submissionStatusLabel } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";

type Params = Promise<{ slug: string; code: string }>;

export const metadata: Metadata = { title: "Indicator" };

const scopeLabel = (t: { scope: string; year: number; quarter: number }) =>
  t.scope === "LIFE" ? "Life of the partnership" : t.scope === "YEAR" ? `Year ${t.year}` : `${t.year}Q${t.quarter}`;

export default async function IndicatorPage({ params }: { params: Params }) {
  const { slug, code } = await params;
  const path = `/dashboard/${slug}/indicators/${code}`;
  const actor = await requireSignedIn(path);
  const detail = await readForPage(() => getIndicatorDetail(actor, slug, code), path);
  const { summary } = detail;
  const dimensions = [...new Set(detail.cells.map((c) => c.cell))];

  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}`}>{detail.partnership.name}</Link> /{" "}
        <Link href={`/dashboard/${slug}/objectives/${summary.objectiveCode}`}>Objective {summary.objectiveCode}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {summary.code} {summary.name}
      </h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Reported by</dt>
        <dd>{summary.responsible}</dd>
        <dt className="font-semibold">Unit</dt>
        <dd>
          {unitLabel(summary.unit)}; quarters combine by {summary.aggregation.toLowerCase()}
        </dd>
        <dt className="font-semibold">Result to date</dt>
        <dd>{summary.actual === null ? "No approved values" : formatMeasure(summary.actual, summary.unit)}</dd>
        <dt className="font-semibold">Target</dt>
        <dd>{summary.target === null ? "No target set" : formatMeasure(summary.target, summary.unit)}</dd>
        {summary.sensitive ? (
          <>
            <dt className="font-semibold">Sensitive</dt>
            <dd>Counts of child victims: small counts are suppressed on public pages.</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="targets-heading" className="space-y-2">
        <h2 id="targets-heading" className="text-2xl font-bold">
          Targets
        </h2>
        {detail.targets.length === 0 ? (
          <p>No target set.</p>
        ) : (
          <ul>
            {detail.targets.map((t) => (
              <li key={`${t.scope}-${t.year}-${t.quarter}`}>
                {scopeLabel(t)}: {formatMeasure(t.value, summary.unit)} {t.illustrative ? <IllustrativeBadge what="Illustrative" /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="quarters-heading" className="space-y-2">
        <h2 id="quarters-heading" className="text-2xl font-bold">
          By quarter
        </h2>
        <ChosenIndicatorChart chosen={{ summary, quarters: detail.quarters }} slug={slug} />
      </section>

      <section aria-labelledby="breakdown-heading" className="space-y-2">
        <h2 id="breakdown-heading" className="text-2xl font-bold">
          Breakdown
        </h2>
        {detail.breakdownWithheld ? (
          <p>The breakdown of this indicator is shown to the organization that reports it, to reviewers and to administrators only.</p>
        ) : dimensions.length === 0 ? (
          <p>This indicator is reported as a total only.</p>
        ) : (
          <DataTable
            caption={`${summary.code} by quarter and breakdown (approved quarters)`}
            columns={[{ key: "quarter", label: "Quarter" }, ...dimensions.map((d) => ({ key: d, label: d.replaceAll("=", ": "), numeric: true }))]}
            rows={[...new Set(detail.cells.map((c) => c.quarter))].map((q) => ({
              quarter: q,
              ...Object.fromEntries(
                dimensions.map((d) => [d, formatMeasure(detail.cells.find((c) => c.quarter === q && c.cell === d)?.value ?? null, summary.unit)]),
              ),
            }))}
          />
        )}
      </section>

      <section aria-labelledby="submissions-heading" className="space-y-2">
        <h2 id="submissions-heading" className="text-2xl font-bold">
          Quarter reports the values came from
        </h2>
        {detail.submissions.length === 0 ? (
          <p>No quarter report has values for this indicator yet.</p>
        ) : (
          <ul className="space-y-1">
            {detail.submissions.map((s) => (
              <li key={`${s.quarter}-${s.organization}`}>
                <Link href={`/dashboard/${slug}/reports/${s.quarter}`}>{s.quarter}</Link>: {s.organization},{" "}
                {submissionStatusLabel[s.status as keyof typeof submissionStatusLabel]}
                {s.approvedAt ? ` ${formatDateTime(s.approvedAt)}` : ""} {s.illustrative ? <IllustrativeBadge what="Illustrative" /> : null}
              </li>
            ))}
          </ul>
        )}
        {scopeOf(actor.role, "audit.view") !== null ? (
          <p>
            <Link href={`/dashboard/${slug}/audit?indicator=${encodeURIComponent(summary.code)}`}>History of this indicator</Link>: every change to its values,
            notes and evidence links, in the audit log.
          </p>
        ) : null}
      </section>
    </div>
  );
}
