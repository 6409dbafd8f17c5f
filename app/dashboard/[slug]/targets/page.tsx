import type { Metadata } from "next";
import Link from "next/link";
import { TargetEditor } from "./_forms/target-forms";
import { unitLabel } from "@/components/dashboard/results-section";
import { DataTable, type TableCells } from "@/components/ui/data-table";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { getTargetsPage, type IndicatorTargets, type TargetValue } from "@/lib/data/targets";
import { formatMeasure } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Targets" };

const directionLabel = { INCREASE: "higher is better", DECREASE: "lower is better", MAINTAIN: "keep steady" } as const;

/** A target as the page shows it: the value with its unit, or "No target set" (never 0). */
function TargetShown({ target, unit }: { target: TargetValue | null; unit: IndicatorTargets["unit"] }) {
  if (!target) return <p className="text-muted">No target set</p>;
  return (
    <p className="space-x-2">
      <span className="font-semibold">{formatMeasure(target.value, unit)}</span>
      {target.illustrative ? <IllustrativeBadge what="Illustrative" /> : null}
      {target.note ? <span className="block text-sm">{target.note}</span> : null}
    </p>
  );
}

interface Row {
  label: string;
  what: string;
  scope: "YEAR" | "QUARTER" | "LIFE";
  year: number;
  quarter: number;
  target: TargetValue | null;
}

function TargetTable({ indicator, rows, caption, canManage }: { indicator: IndicatorTargets; rows: Row[]; caption: string; canManage: boolean }) {
  // Two columns, the form under the target it changes, so the table fits a phone's width.
  const columns = [
    { key: "period", label: "Period" },
    { key: "target", label: canManage ? "Target, and a form to set, change or clear it" : "Target" },
  ];
  const cells: TableCells[] = rows.map((row) => ({
    period: row.label,
    target: (
      <div className="space-y-2">
        <TargetShown target={row.target} unit={indicator.unit} />
        {canManage ? (
          <TargetEditor
            indicatorId={indicator.id}
            scope={row.scope}
            year={row.year}
            quarter={row.quarter}
            what={row.what}
            current={row.target?.value ?? ""}
            currentNote={row.target?.note ?? null}
            unit={indicator.unit}
          />
        ) : null}
      </div>
    ),
  }));
  return <DataTable caption={caption} columns={columns} rows={cells} rowKey={(_, i) => rows[i]!.label} />;
}

function IndicatorSection({ indicator, canManage }: { indicator: IndicatorTargets; canManage: boolean }) {
  const headingId = `indicator-${indicator.code}`;
  const yearRows: Row[] = indicator.years.map((y) => ({
    label: String(y.year),
    what: `${indicator.code} in ${y.year}`,
    scope: "YEAR",
    year: y.year,
    quarter: 0,
    target: y.target,
  }));
  const quarterRows: Row[] = indicator.years.flatMap((y) =>
    y.quarters.map((q) => ({
      label: q.label,
      what: `${indicator.code} in ${q.label}`,
      scope: "QUARTER" as const,
      year: y.year,
      quarter: q.quarter,
      target: q.target,
    })),
  );
  const lifeRow: Row = {
    label: "Life of the partnership",
    what: `${indicator.code} over the life of the partnership`,
    scope: "LIFE",
    year: 0,
    quarter: 0,
    target: indicator.life,
  };
  const quarterTargetsSet = quarterRows.filter((r) => r.target).length;
  return (
    <section aria-labelledby={headingId} className="space-y-3 border-t border-rule pt-4">
      <h3 id={headingId} className="text-xl font-bold">
        {indicator.code} {indicator.name}
      </h3>
      <p className="text-sm">
        Unit: {unitLabel(indicator.unit)} · Direction: {directionLabel[indicator.direction]}
      </p>
      {indicator.unit === "TEXT" ? (
        <p>A text indicator takes no numeric target.</p>
      ) : (
        <>
          <TargetTable
            indicator={indicator}
            rows={[...yearRows, lifeRow]}
            caption={`${indicator.code}: targets by year and for the life of the partnership`}
            canManage={canManage}
          />
          <details className="rounded border border-rule p-2">
            <summary className="cursor-pointer font-semibold text-primary">
              Quarterly targets ({quarterTargetsSet === 0 ? "none set" : `${quarterTargetsSet} of ${quarterRows.length} set`})
            </summary>
            <div className="mt-2">
              <TargetTable indicator={indicator} rows={quarterRows} caption={`${indicator.code}: targets by quarter`} canManage={canManage} />
            </div>
          </details>
        </>
      )}
    </section>
  );
}

export default async function TargetsPage({ params }: Props) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/targets`;
  const actor = await requireSignedIn(path);
  const view = await readForPage(() => getTargetsPage(actor, slug), path);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/dashboard">Partnerships</Link> / <Link href={`/dashboard/${slug}`}>{view.partnership.name}</Link>
        </p>
        <h1 className="text-3xl font-bold">Targets</h1>
        <p>
          Each indicator&apos;s target for every year of the partnership ({view.years[0]}–{view.years[view.years.length - 1]}), for its quarters where wanted,
          and for the life of the partnership. An empty target is &ldquo;No target set&rdquo;, never zero.
        </p>
        {view.canManage ? (
          <p className="text-sm">Every change is recorded in the audit log with the value before and after. Clear removes a target.</p>
        ) : (
          <p className="text-sm">Administrators and the partnership&apos;s reviewers set targets; you can read them here.</p>
        )}
      </header>
      {view.objectives.map((objective) => (
        <section key={objective.code} aria-labelledby={`objective-${objective.code}`} className="space-y-4">
          <h2 id={`objective-${objective.code}`} className="text-2xl font-bold">
            {objective.code} {objective.title}
          </h2>
          {objective.indicators.length === 0 ? <p>This objective has no indicators.</p> : null}
          {objective.indicators.map((indicator) => (
            <IndicatorSection key={indicator.id} indicator={indicator} canManage={view.canManage} />
          ))}
        </section>
      ))}
      {view.objectives.length === 0 ? <p role="status">This partnership has no objectives or indicators recorded yet.</p> : null}
    </div>
  );
}
