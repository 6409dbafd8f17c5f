// Small-cell suppression for sensitive counts (child victims and survivors), applied on the
// server before anything public is rendered or exported.
//
// - A count from 1 to 9 is shown as "<10" (never 0 or blank). 0 and 10 or more are shown.
// - Within a group of cells that add up to a published total, if exactly one cell is hidden,
//   a second one is hidden too (the smallest of the others that is not 0), so that nobody can
//   subtract the shown cells from the total to get the hidden one back.
// - A hidden total hides nothing else by itself; its cells are each checked.

export const SUPPRESSED = "<10";
const THRESHOLD = 10;

export interface PublicCell {
  key: string;
  /** What may be published: the count as text, or "<10". */
  shown: string;
}

const isSmall = (value: number) => value >= 1 && value < THRESHOLD;

/** One count on its own. */
export function suppressCount(value: number): string {
  return isSmall(value) ? SUPPRESSED : String(value);
}

/**
 * A group of counts that add up to a total the reader also sees (e.g. quarters and their sum,
 * or the cells of a breakdown). Returns the cells in the same order, each shown or hidden.
 */
export function suppressGroup(cells: { key: string; value: number }[]): PublicCell[] {
  const hidden = new Set(cells.filter((c) => isSmall(c.value)).map((c) => c.key));
  if (hidden.size === 1) {
    const second = cells.filter((c) => !hidden.has(c.key) && c.value > 0).sort((a, b) => a.value - b.value || a.key.localeCompare(b.key))[0];
    if (second) hidden.add(second.key);
  }
  return cells.map((c) => ({ key: c.key, shown: hidden.has(c.key) ? SUPPRESSED : String(c.value) }));
}
