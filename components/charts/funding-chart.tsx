"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CurrencyCode } from "@/lib/money";

export interface FundingPoint {
  quarter: string;
  pledged: number;
  restated: number;
  delivered: number;
  cumulativePledged: number;
  cumulativeDelivered: number;
  /** Delivered to date is more than pledged to date: the point is ringed and its note says why. */
  exceeds: boolean;
  /** What a reader needs to know about the quarter's figures: derived, restated, why delivered passes pledged. */
  notes: string[];
}

// Text stays at 12 px or more at any width: the ticks, the legend and the tooltip.
const TEXT = 12;
const compact = (value: number) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
const full = (currency: CurrencyCode, value: number) => `${currency} ${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(value)}`;

interface TooltipProps {
  active?: boolean;
  label?: string | number;
  payload?: readonly { name?: string | number; value?: unknown; color?: string; payload?: FundingPoint }[];
}

function QuarterTooltip({ active, label, payload, currency }: TooltipProps & { currency: CurrencyCode }) {
  if (!active || !payload?.length) return null;
  const point = payload[0]?.payload;
  return (
    <div className="max-w-xs border border-rule bg-white p-2 text-sm shadow">
      <p className="font-bold">{label}</p>
      <ul>
        {payload.map((p) => (
          <li key={String(p.name)} style={{ color: p.color }}>
            {p.name}: {full(currency, Number(p.value))}
          </li>
        ))}
      </ul>
      {point?.notes.map((note) => (
        <p key={note} className="mt-1">
          {note}
        </p>
      ))}
    </div>
  );
}

const axes = (currency: CurrencyCode) => (
  <>
    <CartesianGrid strokeDasharray="3 3" stroke="#dfe1e2" />
    <XAxis dataKey="quarter" tick={{ fontSize: TEXT }} interval="preserveStartEnd" minTickGap={8} />
    <YAxis tickFormatter={compact} width={48} tick={{ fontSize: TEXT }} />
    <Tooltip content={(props: TooltipProps) => <QuarterTooltip {...props} currency={currency} />} />
    <Legend wrapperStyle={{ fontSize: 14 }} />
  </>
);

/**
 * What was pledged and delivered in each quarter, on one axis in one currency. A restatement at
 * a new rate is its own grey segment, never part of the pledged column. Fills its parent, which
 * sets the height (so the page keeps the chart's place before recharts arrives).
 */
export function FundingQuarterChart({ data, currency }: { data: FundingPoint[]; currency: CurrencyCode }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} stackOffset="sign" barCategoryGap="12%" barGap={2} accessibilityLayer>
        {axes(currency)}
        <Bar isAnimationActive={false} dataKey="pledged" stackId="pledge" name="Pledged: new money" fill="#005ea2" />
        <Bar isAnimationActive={false} dataKey="restated" stackId="pledge" name="Restated at a new rate, not new money" fill="#71767a" />
        <Bar isAnimationActive={false} dataKey="delivered" name="Delivered" fill="#c05600" />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** The totals to date, pledged and delivered; a red ring marks a quarter where delivered passes pledged. Fills its parent. */
export function FundingToDateChart({ data, currency }: { data: FundingPoint[]; currency: CurrencyCode }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} accessibilityLayer>
        {axes(currency)}
        <Line isAnimationActive={false} dataKey="cumulativePledged" name="Pledged to date" stroke="#1a4480" strokeWidth={3} dot={{ r: 3 }} />
        <Line
          isAnimationActive={false}
          dataKey="cumulativeDelivered"
          name="Delivered to date"
          stroke="#8b3a00"
          strokeWidth={3}
          strokeDasharray="6 3"
          dot={(props: { cx?: number; cy?: number; index?: number; payload?: FundingPoint }) => (
            <circle
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              r={props.payload?.exceeds ? 6 : 3}
              fill={props.payload?.exceeds ? "white" : "#8b3a00"}
              stroke={props.payload?.exceeds ? "#b50909" : "#8b3a00"}
              strokeWidth={props.payload?.exceeds ? 3 : 1}
            />
          )}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
