import { inRange, solve, type Model } from "yalps";

// Disclosure control for counts of child victims and survivors (docs/OPEN-DATA.md, "Disclosure
// control"). Pure: it sees numbers and keys, never the database.
//
// A sensitive indicator is published as one figure per release: its total to date, rounded to
// the nearest 10, over a set of approved quarters that the release names (a quarter's key
// changes when its report is reopened and approved again, since its value may have changed).
// No quarter of a sensitive indicator is published on its own.
//
// Rounding alone does not hold across releases: two totals over sets that differ by one quarter
// bound that quarter's value, and several such bounds can meet inside 1–9. So before a release
// is published, every total it would add is audited together with every total ever published:
// for each quarter whose value is 1 to 9, a linear program finds the smallest and largest value
// consistent with all of them. If any such quarter would be narrowed to within 1–9, the total
// is withheld in this release. Withholding adds nothing an attacker can use, so a history that
// was safe stays safe.

export const DISCLOSURE_METHOD = "Sensitive counts: totals to date rounded to base 10, audited by linear programming across every release";
export const DISCLOSURE_METHOD_VERSION = "2";
export const ROUNDING_BASE = 10;

/** The nearest multiple of 10, halves up: 0–4 → 0, 5–14 → 10, 15–24 → 20. */
export function roundToBase(value: number): number {
  return Math.floor((value + ROUNDING_BASE / 2) / ROUNDING_BASE) * ROUNDING_BASE;
}

/** The values a total rounded to `rounded` can have (whole numbers, never below 0). */
export function roundingBounds(rounded: number): { min: number; max: number } {
  return { min: Math.max(0, rounded - ROUNDING_BASE / 2), max: rounded + ROUNDING_BASE / 2 - 1 };
}

/** One published figure: the rounded total over the quarters `counted`, or null where withheld. */
export interface PublishedTotal {
  counted: string[];
  rounded: number | null;
}

const isSmall = (value: number) => value >= 1 && value <= 9;
const EPSILON = 1e-6;

/** The smallest and largest value of `key` consistent with every published total. */
export function feasibleInterval(published: PublishedTotal[], key: string): { min: number; max: number } {
  const constraints: Record<string, ReturnType<typeof inRange>> = {};
  const variables: Record<string, Record<string, number>> = {};
  published.forEach((total, index) => {
    if (total.rounded === null) return; // a withheld total says nothing
    const { min, max } = roundingBounds(total.rounded);
    constraints[`total${index}`] = inRange(min, max);
    for (const k of total.counted) (variables[k] ??= {})[`total${index}`] = 1;
  });
  // A quarter no published total counts could be anything.
  if (!variables[key]) return { min: 0, max: Infinity };
  // Every other quarter is bounded by a total that counts it, so each optimum is finite.
  const optimum = (direction: "minimize" | "maximize") => {
    const model: Model = {
      direction,
      objective: "value",
      constraints,
      variables: Object.fromEntries(Object.entries(variables).map(([k, coefficients]) => [k, k === key ? { ...coefficients, value: 1 } : coefficients])),
    };
    const solution = solve(model);
    if (solution.status !== "optimal") throw new Error(`The disclosure audit found the published totals inconsistent (${solution.status}).`);
    return solution.result;
  };
  return { min: optimum("minimize"), max: optimum("maximize") };
}

/**
 * Keys whose true value is 1–9 and whose every consistent value is 1–9 too: a child count that
 * the published totals give away. `truth` holds the value behind every key.
 */
export function pinnedSmallCounts(published: PublishedTotal[], truth: ReadonlyMap<string, number>): string[] {
  const keys = [...new Set(published.flatMap((p) => p.counted))];
  return keys.filter((key) => {
    const value = truth.get(key);
    if (value === undefined) throw new Error(`The disclosure audit has no value for ${key}.`);
    // Only a small count can be pinned inside 1–9 (the totals are true), so only those are solved for.
    if (!isSmall(value)) return false;
    const { min, max } = feasibleInterval(published, key);
    return min > EPSILON && max < ROUNDING_BASE - EPSILON;
  });
}

/**
 * The figure to publish for a sensitive indicator: its total rounded to 10, unless, with every
 * total published before, it would narrow a small count to within 1–9; then null (withheld).
 */
export function controlSensitiveTotal(history: PublishedTotal[], truth: ReadonlyMap<string, number>, counted: string[]): PublishedTotal {
  const total = counted.reduce((sum, key) => sum + (truth.get(key) ?? Number.NaN), 0);
  if (!Number.isFinite(total)) throw new Error("The disclosure audit has no value for a counted quarter.");
  const candidate = { counted, rounded: counted.length === 0 ? null : roundToBase(total) };
  return pinnedSmallCounts([...history, candidate], truth).length === 0 ? candidate : { counted, rounded: null };
}
