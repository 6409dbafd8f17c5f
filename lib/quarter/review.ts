// What a reviewer needs beside each figure of a submitted report: which values look wrong, and
// what changed since the report was last submitted. Pure: the data layer gathers the numbers
// (lib/data/review.ts), the page shows the results.
import { cellLabel } from "../dimensions";
import { sameEntry, type QuarterIndicator, type QuarterValues } from "./values";

/** A change from the previous quarter larger than this share of it is flagged. */
export const CHANGE_FLAG_SHARE = 0.5;
/** A value past its target by more than this share of the target is flagged. */
export const TARGET_FLAG_SHARE = 0.5;

export interface FigureInContext {
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  value: string | null;
  previous: string | null;
  /** The quarter's target, or the year's target with the year to date including this quarter. */
  target: { scope: "QUARTER" | "YEAR"; value: string; reached: string | null } | null;
  /** Breakdown cells the indicator has that were left empty (totals only). */
  emptyCells: string[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The reasons a figure deserves a second look, in words; none for a figure that looks ordinary. */
export function reviewFlags(figure: FigureInContext): string[] {
  const flags: string[] = [];
  if (figure.unit !== "TEXT" && figure.value !== null) {
    const value = Number(figure.value);
    if (figure.previous !== null && Number(figure.previous) > 0) {
      const previous = Number(figure.previous);
      const change = (value - previous) / previous;
      if (Math.abs(change) > CHANGE_FLAG_SHARE) {
        flags.push(`${change > 0 ? "Up" : "Down"} ${percent(Math.abs(change))} on the previous quarter (flagged beyond ${percent(CHANGE_FLAG_SHARE)})`);
      }
    }
    if (figure.target && Number(figure.target.value) > 0) {
      const reached = Number(figure.target.reached ?? figure.value);
      const target = Number(figure.target.value);
      if (reached > target * (1 + TARGET_FLAG_SHARE)) {
        const what = figure.target.scope === "QUARTER" ? "the quarter's target" : "the year's target (year to date)";
        flags.push(`${percent(reached / target)} of ${what}: past it by more than ${percent(TARGET_FLAG_SHARE)}`);
      }
    }
  }
  if (figure.emptyCells.length > 0) flags.push(`Breakdown incomplete: ${figure.emptyCells.map(cellLabel).join(", ")} left empty`);
  return flags;
}

/** The change from the previous quarter, signed, with its share where there is one: "+12 (+40%)". */
export function describeChange(value: string | null, previous: string | null): string | null {
  if (value === null || previous === null || Number.isNaN(Number(value)) || Number.isNaN(Number(previous))) return null;
  const difference = Number(value) - Number(previous);
  const sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
  const amount = `${sign}${Number(Math.abs(difference).toFixed(2))}`;
  if (Number(previous) === 0) return amount;
  return `${amount} (${sign}${Math.round((Math.abs(difference) / Number(previous)) * 100)}%)`;
}

export interface RoundChange {
  code: string;
  /** "Total", "Female", "note" or "evidence link". */
  field: string;
  from: string | null;
  to: string | null;
}

/** What changed between two submissions of one report: values by cell, notes and evidence links. */
export function changesBetweenRounds(units: Record<string, QuarterIndicator["unit"]>, before: QuarterValues, after: QuarterValues): RoundChange[] {
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return codes.flatMap((code) => {
    const was = before[code];
    const now = after[code];
    const cells = [...new Set([...Object.keys(was?.cells ?? {}), ...Object.keys(now?.cells ?? {})])].sort();
    const changes: RoundChange[] = cells
      .map((cell) => ({ code, field: cellLabel(cell), from: was?.cells[cell] ?? null, to: now?.cells[cell] ?? null }))
      .filter((c) => !sameEntry(units[code] ?? "TEXT", c.from, c.to));
    if ((was?.note ?? null) !== (now?.note ?? null)) changes.push({ code, field: "note", from: was?.note ?? null, to: now?.note ?? null });
    if ((was?.evidence ?? null) !== (now?.evidence ?? null))
      changes.push({ code, field: "evidence link", from: was?.evidence ?? null, to: now?.evidence ?? null });
    return changes;
  });
}
