"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ResultPoint {
  quarter: string;
  actual: number | null;
  target: number | null;
  cumulativeActual: number | null;
  cumulativeTarget: number | null;
}

/** One indicator: actual and target per quarter (bars) and to date (lines). Fills its parent, which sets the height. */
export function ResultsChart({ data, unitLabel }: { data: ResultPoint[]; unitLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} barCategoryGap="12%" barGap={2} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#dfe1e2" />
        <XAxis dataKey="quarter" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
        <YAxis tick={{ fontSize: 12 }} width={60} label={{ value: unitLabel, angle: -90, position: "insideLeft", fontSize: 12 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 14 }} />
        <Bar isAnimationActive={false} dataKey="actual" name="Actual in quarter" fill="#005ea2" />
        <Bar isAnimationActive={false} dataKey="target" name="Target (annual, at year end)" fill="#71767a" />
        <Line isAnimationActive={false} dataKey="cumulativeActual" name="Actual to date" stroke="#1a4480" strokeWidth={2} connectNulls />
        <Line isAnimationActive={false} dataKey="cumulativeTarget" name="Target to date" stroke="#565c65" strokeWidth={2} strokeDasharray="6 3" connectNulls />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export interface PercentPoint {
  indicator: string;
  percent: number;
}

/** Every indicator of an objective that has a target: percent of it achieved. Fills its parent, which sets the height. */
export function PercentOfTargetChart({ data }: { data: PercentPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="#dfe1e2" />
        <XAxis
          type="number"
          domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]}
          tickFormatter={(v: number) => `${v}%`}
          tick={{ fontSize: 12 }}
        />
        <YAxis type="category" dataKey="indicator" width={80} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v: unknown) => `${Number(v)}% of target`} />
        <Bar
          isAnimationActive={false}
          dataKey="percent"
          name="Percent of target achieved"
          fill="#005ea2"
          label={{ position: "right", formatter: (v: unknown) => `${Number(v)}%`, fontSize: 12 }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
