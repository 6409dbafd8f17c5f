import type { ReactNode } from "react";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { CsvDownload } from "./csv-download";
import { DataTable, type TableColumn, type TableRow } from "@/components/ui/data-table";

/**
 * A chart with what every chart here has: a title that says what and in which currency, a
 * description for screen readers, its data table one click away, and a CSV of that table.
 */
export function ChartPanel(props: {
  id: string;
  title: string;
  description: string;
  note?: ReactNode;
  illustrative?: boolean;
  columns: TableColumn[];
  rows: TableRow[];
  filename: string;
  emptyMessage?: string;
  children: ReactNode;
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
        <>
          <div aria-hidden="false">{props.children}</div>
          <details>
            <summary className="cursor-pointer text-primary underline">Show the data table</summary>
            <div className="mt-2">
              <DataTable caption={props.title} columns={props.columns} rows={props.rows} />
            </div>
          </details>
          <CsvDownload filename={props.filename} columns={props.columns} rows={props.rows} label={props.title} />
        </>
      )}
      {props.note ? <figcaption className="text-sm text-muted">{props.note}</figcaption> : null}
    </figure>
  );
}
