// The disaggregation an indicator can be reported by, and the cells that gives.
// A cell key lists each dimension's value: "SEX=F;AGE_BAND=12-17". The total is the cell "".

export const DIMENSIONS = {
  SEX: { label: "Sex", values: { F: "Female", M: "Male" } },
  AGE_BAND: { label: "Age", values: { "0-11": "0–11", "12-17": "12–17" } },
  REGION: { label: "Region", values: { NCR: "National Capital Region", VII: "Central Visayas (Region VII)" } },
} as const;

export type Dimension = keyof typeof DIMENSIONS;

export interface Cell {
  key: string;
  label: string;
}

/** Every combination of the dimensions' values, in a stable order. */
export function cellsOf(dimensions: string[]): Cell[] {
  const known = dimensions.filter((d): d is Dimension => d in DIMENSIONS);
  let cells: { parts: string[]; labels: string[] }[] = [{ parts: [], labels: [] }];
  for (const dimension of known) {
    const values = Object.entries(DIMENSIONS[dimension].values);
    cells = cells.flatMap((c) => values.map(([value, label]) => ({ parts: [...c.parts, `${dimension}=${value}`], labels: [...c.labels, label] })));
  }
  return known.length === 0 ? [] : cells.map((c) => ({ key: c.parts.join(";"), label: c.labels.join(", ") }));
}

export const cellLabel = (key: string) =>
  key === ""
    ? "Total"
    : key
        .split(";")
        .map((part) => {
          const [dimension, value] = part.split("=") as [string, string];
          const d = DIMENSIONS[dimension as Dimension] as (typeof DIMENSIONS)[Dimension] | undefined;
          return d ? ((d.values as Record<string, string>)[value] ?? value) : part;
        })
        .join(", ");
