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
