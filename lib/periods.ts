// Reporting quarters are calendar quarters stored as year + quarter ("2019Q3"), never derived
// from a timestamp, so no time zone can move a figure from one quarter to the next.

export interface Quarter {
  year: number;
  quarter: number;
}

const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}Q${quarter}`;
}

/** Parses "2019Q3"; returns null for anything else. */
export function parseQuarter(text: string): Quarter | null {
  const match = QUARTER_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
}

/** Every quarter from first to last, both included; empty when last comes before first. */
export function quarterRange(first: Quarter, last: Quarter): Quarter[] {
  const quarters: Quarter[] = [];
  for (let q = first; compareQuarters(q, last) <= 0; q = nextQuarter(q)) quarters.push(q);
  return quarters;
}

/** The quarter a calendar date (YYYY-MM-DD, no time zone) falls in. */
export function quarterOfDate(isoDate: string): Quarter {
  const [year, month] = isoDate.split("-").map(Number);
  if (!year || !month || month < 1 || month > 12) throw new Error(`Not a calendar date: ${isoDate}`);
  return { year, quarter: Math.ceil(month / 3) };
}

/** When a quarter's report is due: 30 days after the quarter ends (an ISO date). */
export function reportDueOn({ year, quarter }: Quarter): string {
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  end.setUTCDate(end.getUTCDate() + 30);
  return end.toISOString().slice(0, 10);
}

/**
 * Runs of consecutive years whose lists are the same, in order, each with a label ("2017",
 * "2018–2021"): a list repeated for every year of a partnership is shown once.
 */
export function yearRunsWithSameList<T>(years: number[], listOf: (year: number) => T[], key: (item: T) => string): { label: string; items: T[] }[] {
  const runs: { first: number; last: number; signature: string; items: T[] }[] = [];
  for (const year of years) {
    const items = listOf(year);
    const signature = items.map(key).join("\n");
    const previous = runs.at(-1);
    if (previous && previous.signature === signature && previous.last === year - 1) previous.last = year;
    else runs.push({ first: year, last: year, signature, items });
  }
  return runs.map((r) => ({ label: r.first === r.last ? String(r.first) : `${r.first}–${r.last}`, items: r.items }));
}
