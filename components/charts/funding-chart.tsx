"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CurrencyCode } from "@/lib/money";

export interface FundingPoint {
  quarter: string;
  pledged: number;
  delivered: number;
  cumulativePledged: number;
  cumulativeDelivered: number;
}

const compact = (currency: CurrencyCode) => (value: number) =>
  `${currency} ${new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value)}`;
const full = (currency: CurrencyCode) => (value: unknown) =>
  `${currency} ${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(Number(value))}`;

/** Bars: pledged and delivered in each quarter. Lines: their running totals (right axis). */
export function FundingChart({ data, currency }: { data: FundingPoint[]; currency: CurrencyCode }) {
  return (
    <div className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="#dfe1e2" />
          <XAxis dataKey="quarter" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="quarter" tickFormatter={compact(currency)} width={90} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="total" orientation="right" tickFormatter={compact(currency)} width={90} tick={{ fontSize: 12 }} />
          <Tooltip formatter={full(currency)} />
          <Legend />
          <Bar isAnimationActive={false} yAxisId="quarter" dataKey="pledged" name={`Pledged in quarter (${currency})`} fill="#005ea2" />
          <Bar isAnimationActive={false} yAxisId="quarter" dataKey="delivered" name={`Delivered in quarter (${currency})`} fill="#c05600" />
          <Line
            isAnimationActive={false}
            yAxisId="total"
            dataKey="cumulativePledged"
            name={`Pledged to date (${currency})`}
            stroke="#1a4480"
            strokeWidth={2}
            dot={{ r: 3 }}
          />
          <Line
            isAnimationActive={false}
            yAxisId="total"
            dataKey="cumulativeDelivered"
            name={`Delivered to date (${currency})`}
            stroke="#8b3a00"
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={{ r: 3, strokeDasharray: "" }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
