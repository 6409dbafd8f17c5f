"use client";

import { toCsv } from "@/lib/csv";
import type { TableColumn, TableRow } from "@/components/ui/data-table";

/** Downloads exactly the rows of the chart's table as CSV. */
export function CsvDownload({ filename, columns, rows, label }: { filename: string; columns: TableColumn[]; rows: TableRow[]; label: string }) {
  return (
    <button
      type="button"
      className="rounded border border-primary px-3 py-1 text-sm text-primary hover:bg-base-lightest"
      onClick={() => {
        const csv = toCsv(
          columns.map((c) => c.label),
          rows.map((row) => columns.map((c) => row[c.key] ?? "")),
        );
        const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = filename;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      Download CSV<span className="sr-only"> of {label}</span>
    </button>
  );
}
