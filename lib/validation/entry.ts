// The quarter entry form's rules, shared by the browser (as values are typed) and the server
// action (which never trusts the browser): one schema, built from the indicators.
import { z } from "zod";
import { cellsOf } from "../dimensions";

export interface EntryIndicator {
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  dimensions: string[];
  cellsSumToTotal: boolean;
}

/** The form field that holds a cell's value. */
export const valueField = (code: string, cell: string) => `v:${code}:${cell || "total"}`;
export const noteField = (code: string) => `note:${code}`;
export const evidenceField = (code: string) => `evidence:${code}`;

export interface EntryValues {
  [indicatorCode: string]: { cells: Record<string, string | null>; note: string | null; evidence: string | null };
}

function checkNumber(unit: EntryIndicator["unit"], text: string): string | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    return unit === "COUNT" ? "Enter a whole number of 0 or more, without commas." : "Enter a number of 0 or more, with at most two decimals.";
  }
  if (unit === "COUNT" && text.includes(".")) return "Counts are whole numbers: remove the decimals.";
  if (unit === "PERCENT" && Number(text) > 100) return "A percentage is from 0 to 100.";
  return null;
}

/**
 * Reads the form's values for these indicators. Empty cells are null (not entered), never 0.
 * Errors are keyed by field name; `complete` asks that every total be filled (for submitting).
 */
export function parseEntry(
  indicators: EntryIndicator[],
  form: Record<string, unknown>,
  options: { complete: boolean },
): { values: EntryValues; errors: Record<string, string[]> } {
  const values: EntryValues = {};
  const errors: Record<string, string[]> = {};
  const text = (name: string) => {
    const v = form[name];
    return typeof v === "string" ? v.trim() : "";
  };
  for (const indicator of indicators) {
    const cells: Record<string, string | null> = {};
    for (const cell of ["", ...cellsOf(indicator.dimensions).map((c) => c.key)]) {
      const field = valueField(indicator.code, cell);
      const raw = text(field);
      if (raw === "") {
        cells[cell] = null;
        continue;
      }
      const problem = indicator.unit === "TEXT" ? (raw.length > 2000 ? "Use at most 2,000 characters." : null) : checkNumber(indicator.unit, raw);
      if (problem) errors[field] = [problem];
      cells[cell] = raw;
    }
    const totalField = valueField(indicator.code, "");
    if (options.complete && cells[""] === null) errors[totalField] = ["Enter the total before submitting (0 if there was none)."];
    const parts = Object.entries(cells).filter(([cell]) => cell !== "");
    if (indicator.cellsSumToTotal && parts.length > 0 && !errors[totalField] && cells[""] !== null) {
      const filled = parts.filter(([, v]) => v !== null);
      if (options.complete && filled.length !== parts.length) {
        errors[totalField] = ["Fill every breakdown cell before submitting (0 where there were none)."];
      } else if (filled.length === parts.length && filled.every(([cell]) => !errors[valueField(indicator.code, cell)])) {
        const sum = filled.reduce((s, [, v]) => s + Math.round(Number(v) * 100), 0);
        if (sum !== Math.round(Number(cells[""]) * 100)) {
          errors[totalField] = [`The breakdown adds up to ${sum / 100}, not ${cells[""]}: correct the total or the breakdown.`];
        }
      }
    }
    const note = text(noteField(indicator.code));
    const evidence = text(evidenceField(indicator.code));
    if (note.length > 2000) errors[noteField(indicator.code)] = ["Use at most 2,000 characters."];
    if (evidence && !z.url({ protocol: /^https?$/ }).safeParse(evidence).success) {
      errors[evidenceField(indicator.code)] = ["Enter a web address starting with https://, or leave it empty."];
    }
    values[indicator.code] = { cells, note: note || null, evidence: evidence || null };
  }
  return { values, errors };
}

export const entryEnvelopeSchema = z.object({
  slug: z.string().min(1).max(80),
  period: z.string().regex(/^\d{4}Q[1-4]$/, "Reload the page: the quarter is missing."),
  organizationId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(0),
  intent: z.enum(["save", "submit"]).default("save"),
});
