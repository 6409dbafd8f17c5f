import Link from "next/link";
import { ChartPanel } from "@/components/charts/chart-panel";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import type { PartnershipDashboard } from "@/lib/data/partnership-dashboard";
import type { IndicatorSummary } from "@/lib/data/results";
import { formatDate, formatMeasure } from "@/lib/format";
import { DataTable } from "@/components/ui/data-table";

export const unitLabel = (unit: string) => (unit === "PERCENT" ? "percent" : unit === "COUNT" ? "count" : unit.toLowerCase());

/** One indicator's life-of-partnership result, target, and the published figure with its source. */
export function ResultsTable({ indicators, slug, caption }: { indicators: IndicatorSummary[]; slug: string; caption: string }) {
  if (indicators.length === 0)
    return (
      <p role="status" className="bg-base-lightest p-3">
        No indicators match the filters.
      </p>
    );
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: "indicator", label: "Indicator" },
        { key: "responsible", label: "Reported by" },
        { key: "actual", label: "Result to date (approved quarters)", numeric: true },
        { key: "target", label: "Target", numeric: true },
        { key: "percent", label: "Of target", numeric: true },
        { key: "published", label: "Published figure" },
      ]}
      rowKey={(_row, index) => indicators[index]!.code}
      rows={indicators.map((i) => ({
        indicator: (
          <Link href={`/dashboard/${slug}/indicators/${i.code}`}>
            {i.code} {i.name}
          </Link>
        ),
        responsible: i.responsible,
        actual: (
          <>
            {i.actual === null ? "No approved values" : formatMeasure(i.actual, i.unit)}
            {i.actualIllustrative ? (
              <>
                {" "}
                <IllustrativeBadge what="Illustrative" />
              </>
            ) : null}
          </>
        ),
        target: (
          <>
            {i.target === null ? "No target set" : formatMeasure(i.target, i.unit)}
            {i.target !== null && i.targetIllustrative ? (
              <>
                {" "}
                <IllustrativeBadge what="Illustrative" />
              </>
            ) : null}
          </>
        ),
        percent: i.percentOfTarget === null ? null : `${i.percentOfTarget}%`,
        published: i.published ? (
          <>
            {i.published.qualifier === "more than" ? "More than " : ""}
            {formatMeasure(i.published.value, i.unit)}
            <details>
              <summary className="cursor-pointer text-primary underline">Source</summary>
              {i.published.sourceTitle}, {i.published.sourcePublisher}, stated {formatDate(i.published.statedOn)}.
            </details>
          </>
        ) : (
          "None published"
        ),
      }))}
    />
  );
}

export function ChosenIndicatorChart({ chosen, slug }: { chosen: NonNullable<PartnershipDashboard["chosen"]>; slug: string }) {
  const { summary, quarters } = chosen;
  return (
    <ChartPanel
      id="results-chart"
      title={`${summary.code} ${summary.name}: target and actual by quarter (${unitLabel(summary.unit)})`}
      description={`Bars show the approved value and the target in each quarter; lines show both to date, combined by the indicator's rule (${summary.aggregation.toLowerCase()}). ${summary.target === null ? "No target is set for this indicator." : ""}`}
      illustrative={summary.actualIllustrative || summary.targetIllustrative}
      // Numbers as numbers, with the unit in its own column: the CSV is data, the table groups thousands.
      columns={[
        { key: "quarter", label: "Quarter" },
        { key: "unit", label: "Unit" },
        { key: "actual", label: "Actual", amount: true },
        { key: "target", label: "Target", amount: true },
        { key: "cumulativeActual", label: "Actual to date", amount: true },
        { key: "cumulativeTarget", label: "Target to date", amount: true },
      ]}
      rows={quarters.map((q) => ({
        quarter: q.quarter,
        unit: unitLabel(summary.unit),
        actual: q.actual,
        target: q.target,
        cumulativeActual: q.cumulativeActual,
        cumulativeTarget: q.cumulativeTarget,
      }))}
      chart={{ kind: "results", unitLabel: unitLabel(summary.unit) }}
      filename={`${slug}-indicator-${summary.code}.csv`}
      note="Only approved quarters count. Annual targets count in the last quarter of their year."
    />
  );
}

export function PercentOfTargetPanel({ objective, indicators, slug }: { objective: string; indicators: IndicatorSummary[]; slug: string }) {
  const withTarget = indicators.filter((i) => i.percentOfTarget !== null);
  const without = indicators.filter((i) => i.percentOfTarget === null);
  return (
    <ChartPanel
      id="percent-chart"
      title={`Objective ${objective}: percent of target achieved, by indicator`}
      description="Each bar is an indicator's result to date as a percentage of its target for the life of the partnership."
      illustrative={withTarget.some((i) => i.actualIllustrative || i.targetIllustrative)}
      columns={[
        { key: "indicator", label: "Indicator" },
        { key: "unit", label: "Unit" },
        { key: "actual", label: "Result to date", amount: true },
        { key: "target", label: "Target", amount: true },
        { key: "percent", label: "Percent of target (%)", numeric: true },
      ]}
      rows={withTarget.map((i) => ({
        indicator: `${i.code} ${i.name}`,
        unit: unitLabel(i.unit),
        actual: i.actual,
        target: i.target,
        percent: i.percentOfTarget,
      }))}
      filename={`${slug}-objective-${objective}-percent-of-target.csv`}
      emptyMessage={`No indicator of objective ${objective} has a target set, so there is no percentage to show.`}
      chart={{ kind: "percent", indicators: withTarget.map((i) => i.code) }}
      note={without.length > 0 ? `No target set for: ${without.map((i) => i.code).join(", ")}.` : undefined}
    />
  );
}
