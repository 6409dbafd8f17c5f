"use client";

// The recharts charts load after the page, in their own chunk: recharts is about 115 kB of
// gzipped JavaScript, and every chart already has its figures in a table beside it, so the page
// is readable (and its first load within the 250 kB budget) before the chart arrives.
import dynamic from "next/dynamic";

// Each fills the box its caller gives it (of fixed height), so the loading message and the chart
// take the same place and nothing below them moves.
export function ChartLoading() {
  return (
    <div className="flex h-full w-full items-center justify-center border border-dashed border-rule text-sm text-muted">
      Loading the chart… its figures are in the table.
    </div>
  );
}

export const FundingQuarterChart = dynamic(() => import("./funding-chart").then((m) => m.FundingQuarterChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

export const FundingToDateChart = dynamic(() => import("./funding-chart").then((m) => m.FundingToDateChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

export const ResultsChart = dynamic(() => import("./results-chart").then((m) => m.ResultsChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});

export const PercentOfTargetChart = dynamic(() => import("./results-chart").then((m) => m.PercentOfTargetChart), {
  ssr: false,
  loading: () => <ChartLoading />,
});
