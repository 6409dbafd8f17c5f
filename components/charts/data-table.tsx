export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export type TableRow = Record<string, string | null>;

/** A chart's data as a table: the same rows the chart draws and the CSV holds. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: TableColumn[]; rows: TableRow[] }) {
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
            <tr key={i} className="border-b border-rule">
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
