import type { ReactNode } from "react";

export interface TableColumn {
  key: string;
  label: string;
  /** Right-aligned, with figures of one width. */
  numeric?: boolean;
}

/** A row of text: a chart's data, the same as its CSV. */
export type TableRow = Record<string, string | null>;
/** A row of any content (links, details); a missing cell shows "—". */
export type TableCells = Record<string, ReactNode>;

/**
 * Every table of the app: a caption for screen readers, a header row, the first column as each
 * row's header, and a frame a keyboard user can scroll when the table is wider than the screen.
 */
export function DataTable({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: TableColumn[];
  rows: TableCells[];
  rowKey?: (row: TableCells, index: number) => string;
}) {
  return (
    // Focusable, so a keyboard user can scroll a table wider than the screen.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`py-1 pr-3 ${c.numeric ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey?.(row, i) ?? i} className="border-b border-rule align-top">
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="py-1 pr-3 font-normal">
                    {row[c.key] ?? "—"}
                  </th>
                ) : (
                  <td key={c.key} className={`py-1 pr-3 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                    {row[c.key] ?? "—"}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
