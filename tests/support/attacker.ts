// An outsider who has downloaded every release of a partnership and wants a child count back.
// It reads only the public JSON, writes every published figure about a sensitive indicator as
// a linear constraint on the unknown quarter values, and asks a linear-programming solver for
// the smallest and largest value each quarter can have. Written apart from lib/disclosure, so
// the test does not grade the code with the code's own arithmetic.
import { solve, type Constraint, type Model } from "yalps";
import type { PublicRelease } from "../../lib/releases/content";

export interface Interval {
  key: string;
  min: number;
  max: number;
}

/** Every quarter value of indicator `code` the releases mention, with the interval they allow. */
export function attack(releases: PublicRelease[], code: string): Interval[] {
  const constraints: Record<string, Constraint> = {};
  const variables: Record<string, Record<string, number>> = {};
  const constrain = (name: string, keys: string[], constraint: Constraint) => {
    constraints[name] = constraint;
    for (const key of keys) (variables[key] ??= {})[name] = 1;
  };
  for (const { release, summary } of releases) {
    const series = summary.results.find((r) => r.code === code);
    if (!series) continue;
    for (const key of series.counted) variables[key] ??= {};
    const name = `r${release.number}`;
    if (series.total !== null) {
      const shown = Number(series.total);
      // A total rounded to the nearest 10 is within 5 below and 4 above; an exact one is itself.
      constrain(`${name}:total`, series.counted, series.totalRounded ? { min: Math.max(0, shown - 5), max: shown + 4 } : { equal: shown });
    }
    for (const q of series.quarters) {
      if (q.value === null) continue;
      const key = series.counted.find((k) => k.startsWith(`${q.quarter}.`));
      if (!key) continue;
      constrain(`${name}:${q.quarter}`, [key], q.value === "<10" ? { max: 9 } : { equal: Number(q.value) });
    }
  }
  const optimum = (key: string, direction: "minimize" | "maximize") => {
    const model: Model = {
      direction,
      objective: "target",
      constraints,
      variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, k === key ? { ...v, target: 1 } : v])),
    };
    const solution = solve(model);
    if (solution.status === "unbounded") return Number.POSITIVE_INFINITY;
    if (solution.status !== "optimal") throw new Error(`The releases contradict each other (${solution.status}).`);
    return solution.result;
  };
  return Object.keys(variables).map((key) => ({ key, min: optimum(key, "minimize"), max: optimum(key, "maximize") }));
}

/** Whole numbers the interval allows, all within 1–9: a child count given away. */
export const givesAwaySmallCount = ({ min, max }: Interval) => Math.ceil(min - 1e-6) >= 1 && Math.floor(max + 1e-6) <= 9;
