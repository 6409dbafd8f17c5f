// One organization's values for one quarter, and the rules they must meet. Pure: the browser
// checks as the encoder types, the data layer checks again before saving, and the CSV import
// checks a file's rows, all with this one function. Field names (lib/quarter/form.ts) and CSV
// lines (lib/quarter/csv.ts) are translations at the edges; nothing here knows them.
import { z } from "zod";
import { cellsOf } from "../dimensions";

export interface QuarterIndicator {
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  dimensions: string[];
  cellsSumToTotal: boolean;
}

/** One indicator's values: each cell ("" is the total) as typed, its note and evidence link; null is "not entered", never 0. */
export interface IndicatorValues {
  cells: Record<string, string | null>;
  note: string | null;
  evidence: string | null;
}

/** By indicator code. What callers pass may leave out indicators, cells, notes: they read as empty. */
export type QuarterValues = Record<string, IndicatorValues>;
export type QuarterValuesInput = Record<string, { cells?: Record<string, string | null | undefined>; note?: string | null; evidence?: string | null }>;

/** What is wrong, and where: an indicator's cell ("" is the total), its note, or its evidence link. */
export interface ValueProblem {
  code: string;
  part: { cell: string } | "note" | "evidence";
  message: string;
}

export const NOTE_MAX = 2000;
/** No programme counts more than this in a quarter; a larger entry is a typing error. */
const COUNT_MAX = 1_000_000n;
/** measurement.value is numeric(18, 2): 16 digits before the point; this keeps well inside it. */
const FIGURE_LIMIT = 10n ** 13n;

/**
 * What is wrong with a figure typed for an indicator of this unit, or null. `count` names what a
 * count is for in the message about its ceiling ("A count for one quarter", "A target").
 */
export function checkNumber(unit: QuarterIndicator["unit"], text: string, count = "A count for one quarter"): string | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    return unit === "COUNT" ? "Enter a whole number of 0 or more, without commas." : "Enter a number of 0 or more, with at most two decimals.";
  }
  if (unit === "COUNT" && text.includes(".")) return "Counts are whole numbers: remove the decimals.";
  if (unit === "PERCENT" && Number(text) > 100) return "A percentage is from 0 to 100.";
  // Compared as whole numbers of any length (a float would round a 30-digit entry).
  const whole = BigInt(text.split(".")[0]!);
  if (unit === "COUNT" && whole > COUNT_MAX) return `${count} is at most 1,000,000: check the figure.`;
  if (whole >= FIGURE_LIMIT) return "A figure must be below 10,000,000,000,000: check it.";
  return null;
}

/** The rule an indicator's values must meet, in the words the entry form shows beside it. */
export function describeRule(indicator: Pick<QuarterIndicator, "unit" | "dimensions" | "cellsSumToTotal">): string {
  const number = {
    COUNT: "A whole number from 0 to 1,000,000",
    PERCENT: "A percentage from 0 to 100, at most two decimals",
    CURRENCY: "An amount of 0 or more, at most two decimals",
    TEXT: "Text",
  }[indicator.unit];
  const breakdown =
    cellsOf(indicator.dimensions).length > 0
      ? indicator.cellsSumToTotal
        ? "; to submit, every breakdown cell filled (0 where none), adding up to the total"
        : "; the breakdown where known"
      : "";
  return `${number}; the total required to submit (0 if none)${breakdown}.`;
}

const trimmed = (text: string | null | undefined) => {
  const t = (text ?? "").trim();
  return t === "" ? null : t;
};

/**
 * Reads the values for these indicators (every cell of each, empty where not given) and says
 * what is wrong with them. `complete` asks that every total be filled (for submitting).
 */
export function checkQuarterValues(
  indicators: QuarterIndicator[],
  input: QuarterValuesInput,
  options: { complete: boolean },
): { values: QuarterValues; problems: ValueProblem[] } {
  const values: QuarterValues = {};
  const problems: ValueProblem[] = [];
  for (const indicator of indicators) {
    const given = input[indicator.code];
    const cells: Record<string, string | null> = {};
    const cellProblem = new Set<string>();
    for (const cell of ["", ...cellsOf(indicator.dimensions).map((c) => c.key)]) {
      const raw = trimmed(given?.cells?.[cell]);
      cells[cell] = raw;
      if (raw === null) continue;
      const problem = indicator.unit === "TEXT" ? (raw.length > NOTE_MAX ? "Use at most 2,000 characters." : null) : checkNumber(indicator.unit, raw);
      if (problem) {
        problems.push({ code: indicator.code, part: { cell }, message: problem });
        cellProblem.add(cell);
      }
    }
    const totalProblem = (message: string) => problems.push({ code: indicator.code, part: { cell: "" }, message });
    if (options.complete && cells[""] === null) totalProblem("Enter the total before submitting (0 if there was none).");
    const parts = Object.entries(cells).filter(([cell]) => cell !== "");
    if (indicator.cellsSumToTotal && parts.length > 0 && !cellProblem.has("") && cells[""] !== null) {
      const filled = parts.filter(([, v]) => v !== null);
      if (options.complete && filled.length !== parts.length) {
        totalProblem("Fill every breakdown cell before submitting (0 where there were none).");
      } else if (filled.length === parts.length && filled.every(([cell]) => !cellProblem.has(cell))) {
        const sum = filled.reduce((s, [, v]) => s + Math.round(Number(v) * 100), 0);
        if (sum !== Math.round(Number(cells[""]) * 100)) {
          totalProblem(`The breakdown adds up to ${sum / 100}, not ${cells[""]}: correct the total or the breakdown.`);
        }
      }
    }
    const note = trimmed(given?.note);
    const evidence = trimmed(given?.evidence);
    if (note !== null && note.length > NOTE_MAX) problems.push({ code: indicator.code, part: "note", message: "Use at most 2,000 characters." });
    if (evidence !== null && !z.url({ protocol: /^https?$/ }).safeParse(evidence).success) {
      problems.push({ code: indicator.code, part: "evidence", message: "Enter a web address starting with https://, or leave it empty." });
    }
    values[indicator.code] = { cells, note, evidence };
  }
  return { values, problems };
}

/** Whether two entries of a cell say the same: numbers as numbers ("5.0" is 5), text as text, and empty (null or "") is never 0. */
export function sameEntry(unit: QuarterIndicator["unit"], a: string | null | undefined, b: string | null | undefined): boolean {
  const [x, y] = [a || null, b || null];
  if (x === null || y === null) return x === y;
  return x === y || (unit !== "TEXT" && Number(x) === Number(y));
}
