// What the targets page sends: which target (indicator, scope, year, quarter), its new value and
// note, and the value the page showed (`expected`, "" for "No target set") so that a change
// made by someone else in between is refused instead of overwritten. Whether the year and quarter
// belong to the partnership and the value suits the indicator's unit is checked in
// lib/data/targets.ts, which knows both.
import { z } from "zod";

export const TARGET_SCOPES = ["YEAR", "QUARTER", "LIFE"] as const;
export const TARGET_NOTE_MAX = 500;

const id = z.string().trim().min(1, "Choose an indicator.").max(64);
const whole = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number);
/** A figure as the page showed it: "" (no target) or a decimal as PostgreSQL prints it. */
const shown = z
  .string()
  .trim()
  .regex(/^(\d{1,16}(\.\d{1,2})?)?$/, "Reload the page, then try again.")
  .max(20);

const targetKey = {
  indicatorId: id,
  scope: z.enum(TARGET_SCOPES, { error: "Choose a year, a quarter or the life of the partnership." }),
  year: whole("Choose a year."),
  quarter: whole("Choose a quarter from 1 to 4."),
  expected: shown.default(""),
};

/** Year and quarter are 0 where the scope does not use them (the Target table's unique key). */
function keyFitsScope(key: { scope: (typeof TARGET_SCOPES)[number]; year: number; quarter: number }, context: z.RefinementCtx) {
  // zod runs this even when a field failed its own check (then it is still text): that field has its message already.
  if (!Number.isInteger(key.year) || !Number.isInteger(key.quarter)) return;
  const problem = (path: "year" | "quarter", message: string) => context.addIssue({ code: "custom", path: [path], message });
  if (key.scope === "QUARTER" && (key.quarter < 1 || key.quarter > 4)) problem("quarter", "Choose a quarter from 1 to 4.");
  if (key.scope !== "QUARTER" && key.quarter !== 0) problem("quarter", "Only a quarterly target names a quarter.");
  if (key.scope === "LIFE" && key.year !== 0) problem("year", "A target for the life of the partnership names no year.");
  if (key.scope !== "LIFE" && key.year === 0) problem("year", "Choose a year.");
}

export const setTargetSchema = z
  .object({
    ...targetKey,
    value: z.string().trim().min(1, "Enter the target, or use Clear to remove it.").max(40, "Enter a number of 0 or more, with at most two decimals."),
    note: z
      .string()
      .trim()
      .max(TARGET_NOTE_MAX, `Use at most ${TARGET_NOTE_MAX} characters.`)
      .default("")
      .transform((note) => note || null),
  })
  .superRefine(keyFitsScope);

export const clearTargetSchema = z.object(targetKey).superRefine(keyFitsScope);

export type SetTarget = z.infer<typeof setTargetSchema>;
export type TargetKey = z.infer<typeof clearTargetSchema>;
