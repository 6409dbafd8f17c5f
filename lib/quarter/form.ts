// The entry form's edge of a quarter's values: field names in, values out, and problems back
// to the fields they are about. Field names: "v:O1.1:total" or "v:O1.1:SEX=F" for a cell,
// "note:O1.1" and "evidence:O1.1".
import { z } from "zod";
import type { QuarterValuesInput, ValueProblem } from "./values";

export const valueField = (code: string, cell: string) => `v:${code}:${cell || "total"}`;
export const noteField = (code: string) => `note:${code}`;
export const evidenceField = (code: string) => `evidence:${code}`;

/** The values a submitted form carries; fields it does not carry read as empty. */
export function valuesFromForm(form: Record<string, unknown>): QuarterValuesInput {
  const values: QuarterValuesInput = {};
  const of = (code: string) => (values[code] ??= { cells: {} });
  for (const [name, raw] of Object.entries(form)) {
    if (typeof raw !== "string") continue;
    const value = /^v:([^:]+):(.+)$/.exec(name);
    const note = /^note:(.+)$/.exec(name);
    const evidence = /^evidence:(.+)$/.exec(name);
    if (value) of(value[1]!).cells![value[2] === "total" ? "" : value[2]!] = raw;
    else if (note) of(note[1]!).note = raw;
    else if (evidence) of(evidence[1]!).evidence = raw;
  }
  return values;
}

export const fieldOf = (problem: ValueProblem) =>
  problem.part === "note" ? noteField(problem.code) : problem.part === "evidence" ? evidenceField(problem.code) : valueField(problem.code, problem.part.cell);

/** Problems as the form shows them: messages under each field. */
export function fieldErrors(problems: ValueProblem[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) (errors[fieldOf(problem)] ??= []).push(problem.message);
  return errors;
}

/** The form's other fields: which quarter, whose report, the version read, and what to do. */
export const entryEnvelopeSchema = z.object({
  slug: z.string().min(1).max(80),
  period: z.string().regex(/^\d{4}Q[1-4]$/, "Reload the page: the quarter is missing."),
  organizationId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(0),
  intent: z.enum(["save", "submit"]).default("save"),
});
