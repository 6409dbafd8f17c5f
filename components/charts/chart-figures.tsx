"use client";

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { DataTable, type TableColumn, type TableRow } from "@/components/ui/data-table";
import type { CurrencyCode } from "@/lib/money";
import { CsvDownload } from "./csv-download";
import { ChartLoading, FundingQuarterChart, FundingToDateChart, PercentOfTargetChart, ResultsChart } from "./lazy-charts";

/** What to draw from a panel's rows, with what the rows do not hold. */
export type ChartSpec =
  /** The rows' "notes" cell is filled here from `notes` (each quarter's sentences), so they are sent once. */
  | { kind: "funding"; currency: CurrencyCode; exceeds: boolean[]; notes: string[][] }
  | { kind: "results"; unitLabel: string }
  /** `indicators` labels each row's bar (the indicator's code). */
  | { kind: "percent"; indicators: string[] };

const amount = (cell: string | null | undefined) => (cell === null || cell === undefined || cell === "" ? null : Number(cell));

/** A table's rows as lists of cells in the order of its columns: the same figures, without each row repeating every key. */
export type PackedRows = (string | null)[][];

function unpackRows(columns: TableColumn[], packed: PackedRows): TableRow[] {
  return packed.map((cells) => Object.fromEntries(columns.map((c, i) => [c.key, cells[i] ?? null])));
}

/**
 * A chart's figures, sent to the browser once: the chart is drawn from them, the data table is
 * built from them when it is opened, and the CSV from them when it is asked for. Each chart sits
 * in a box of fixed height, so nothing below it moves when recharts arrives.
 */
export function ChartFigures({
  spec,
  columns,
  rows: packed,
  title,
  filename,
}: {
  spec: ChartSpec;
  columns: TableColumn[];
  rows: PackedRows;
  title: string;
  filename: string;
}) {
  const [open, setOpen] = useState(false);
  const rows = unpackRows(columns, packed);
  const table = spec.kind === "funding" ? rows.map((row, i) => ({ ...row, notes: spec.notes[i]!.join(" ") })) : rows;
  return (
    <>
      <Chart spec={spec} rows={rows} />
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer text-primary underline">Show the data table</summary>
        {open ? (
          <div className="mt-2">
            <DataTable caption={title} columns={columns} rows={table} />
          </div>
        ) : null}
      </details>
      <CsvDownload filename={filename} columns={columns} rows={table} label={title} />
    </>
  );
}

function Chart({ spec, rows }: { spec: ChartSpec; rows: TableRow[] }) {
  switch (spec.kind) {
    case "funding": {
      const data = rows.map((r, i) => ({
        quarter: r.quarter!,
        pledged: Number(r.pledged),
        restated: Number(r.restated),
        delivered: Number(r.delivered),
        cumulativePledged: Number(r.cumulativePledged),
        cumulativeDelivered: Number(r.cumulativeDelivered),
        exceeds: spec.exceeds[i]!,
        notes: spec.notes[i]!,
      }));
      return (
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h4 className="font-bold">In each quarter ({spec.currency})</h4>
            <ChartBox className="h-72 w-full">
              <FundingQuarterChart data={data} currency={spec.currency} />
            </ChartBox>
          </div>
          <div>
            <h4 className="font-bold">To date ({spec.currency})</h4>
            <ChartBox className="h-72 w-full">
              <FundingToDateChart data={data} currency={spec.currency} />
            </ChartBox>
            {spec.exceeds.some(Boolean) ? <p className="text-sm">A red ring marks a quarter where delivered to date passes pledged to date.</p> : null}
          </div>
        </div>
      );
    }
    case "results":
      return (
        <ChartBox className="h-80 w-full">
          <ResultsChart
            unitLabel={spec.unitLabel}
            data={rows.map((r) => ({
              quarter: r.quarter!,
              actual: amount(r.actual),
              target: amount(r.target),
              cumulativeActual: amount(r.cumulativeActual),
              cumulativeTarget: amount(r.cumulativeTarget),
            }))}
          />
        </ChartBox>
      );
    case "percent":
      return (
        <ChartBox className="w-full" style={{ height: percentChartHeight(rows.length) }}>
          <PercentOfTargetChart data={rows.map((r, i) => ({ indicator: spec.indicators[i]!, percent: Number(r.percent) }))} />
        </ChartBox>
      );
  }
}

/** One 48 px bar an indicator, and room for the axis. */
const percentChartHeight = (bars: number) => Math.max(120, bars * 48 + 60);

/**
 * A chart's box, of fixed height: the chart is drawn once the box comes near the screen. Drawing
 * all six of the overview's charts as the page loads kept a phone's main thread busy for seconds
 * (Lighthouse's total blocking time), for charts that are mostly further down the page.
 */
function ChartBox({ className, style, children }: { className: string; style?: CSSProperties; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "200px 0px" });
    observer.observe(element);
    // Printing: every chart is drawn, not only those scrolled near.
    const draw = () => setNear(true);
    window.addEventListener("beforeprint", draw);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", draw);
    };
  }, []);
  return (
    <div ref={box} className={className} style={style}>
      {near ? children : <ChartLoading />}
    </div>
  );
}
