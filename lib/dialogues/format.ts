// How the dialogue pack words its figures; one module for the page and the PDF.
import { formatMeasure } from "../format";
import type { PackIndicator } from "../data/dialogues";

export const directionText = { INCREASE: "higher is better", DECREASE: "lower is better", MAINTAIN: "on target is best" } as const;

/** "+2 (+12.5%)", "−3 (−20%)", or "—" without both a target and an actual. */
export function varianceText(indicator: Pick<PackIndicator, "variance" | "variancePercent" | "unit">): string {
  if (indicator.variance === null) return "—";
  const sign = (text: string) => (text.startsWith("-") ? `−${text.slice(1)}` : Number(text) > 0 ? `+${text}` : text);
  const amount = sign(indicator.unit === "PERCENT" ? `${indicator.variance} points` : indicator.variance);
  return indicator.variancePercent === null ? amount : `${amount} (${sign(indicator.variancePercent)}%)`;
}

/** Whether the year's figure met its target, in the direction that counts as good. */
export function verdictText(indicator: Pick<PackIndicator, "met" | "target" | "actual">): string {
  if (indicator.target === null) return "No target set";
  if (indicator.actual === null) return "No approved figure";
  return indicator.met ? "Target met" : "Target not met";
}

export const figureText = (value: string | null, unit: string) => (value === null ? "—" : formatMeasure(value, unit));
