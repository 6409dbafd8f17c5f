import type { ReactNode } from "react";
import { formatAmount } from "@/lib/money";

export interface TableColumn {
  key: string;
  label: string;
  /** Right-aligned, with figures of one width. */
  numeric?: boolean;
  /** A decimal amount ("1964000.00") shown grouped ("1,964,000"); a CSV of the table keeps the plain number. */
  amount?: boolean;
}

/** A row of text: a chart's data, the same as its CSV. */
export type TableRow = Record<string, string | null>;
/** A row of any content (links, details); a missing cell shows "—". */
export type TableCells = Record<string, ReactNode>;

function shown(cell: ReactNode, column: TableColumn): ReactNode {
  if (cell === null || cell === undefined) return "—";
  return column.amount && typeof cell === "string" && cell !== "" ? formatAmount(cell) : cell;
}

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
      {/* Cell styles are in app/globals.css (.data-table): one class per table, not per cell, keeps big tables light. */}
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey?.(row, i) ?? i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {row[c.key] ?? "—"}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric || c.amount ? "num" : undefined}>
                    {shown(row[c.key], c)}
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
