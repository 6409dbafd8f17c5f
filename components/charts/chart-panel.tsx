import type { ReactNode } from "react";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import type { TableColumn, TableRow } from "@/components/ui/data-table";
import { ChartFigures, type ChartSpec } from "./chart-figures";

/**
 * A chart with what every chart here has: a title that says what and in which currency, a
 * description for screen readers, its data table one click away, and a CSV of that table.
 * The words are rendered here on the server; the figures go to the browser once, as the rows of
 * the table that the chart, the table and the CSV are all made from (./chart-figures.tsx).
 */
export function ChartPanel(props: {
  id: string;
  title: string;
  description: string;
  note?: ReactNode;
  illustrative?: boolean;
  columns: TableColumn[];
  rows: TableRow[];
  chart: ChartSpec;
  filename: string;
  emptyMessage?: string;
}) {
  return (
    <figure aria-labelledby={`${props.id}-title`} aria-describedby={`${props.id}-description`} className="space-y-3 border border-rule p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${props.id}-title`} className="text-xl font-bold">
          {props.title}
        </h3>
        {props.illustrative ? <IllustrativeBadge what="Includes illustrative data" /> : null}
      </div>
      <p id={`${props.id}-description`} className="text-sm text-muted">
        {props.description}
      </p>
      {props.rows.length === 0 ? (
        <p role="status" className="bg-base-lightest p-3">
          {props.emptyMessage ?? "No data for this chart in the chosen period."}
        </p>
      ) : (
        <ChartFigures
          spec={props.chart}
          columns={props.columns}
          rows={props.rows.map((row) => props.columns.map((c) => row[c.key] ?? null))}
          title={props.title}
          filename={props.filename}
        />
      )}
      {props.note ? <figcaption className="text-sm text-muted">{props.note}</figcaption> : null}
    </figure>
  );
}
