// The CSV edge of a quarter's values: the same columns out and back in, so an export can be
// corrected in a spreadsheet and imported again. Papaparse reads; lib/csv.ts writes (with the
// formula escaping every download has), and reading undoes that escaping.
import Papa from "papaparse";
import { toCsv } from "../csv";

export const CSV_COLUMNS = ["organization", "indicator_code", "cell", "value", "note", "evidence_url"] as const;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/** One row of the file: "total" (or an empty cell) is the total, stored as cell "". */
export interface QuarterCsvRow {
  line: number;
  organization: string;
  indicator: string;
  /** As written in the file, for messages. */
  cellText: string;
  cell: string;
  value: string;
  note: string;
  evidence: string;
}

export function quarterCsv(rows: Omit<QuarterCsvRow, "line" | "cellText">[]): string {
  return toCsv(
    [...CSV_COLUMNS],
    rows.map((r) => [r.organization, r.indicator, r.cell === "" ? "total" : r.cell, r.value, r.note, r.evidence]),
  );
}

/** Undoes the export's formula escaping, so a round trip gives back the same text. */
const unescape = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** The file's rows, or one sentence on what is wrong with the whole file. */
export function readQuarterCsv(text: string): { rows: QuarterCsvRow[]; fileError?: undefined } | { rows?: undefined; fileError: string } {
  if (text.trim() === "") return { fileError: "The file is empty: export a quarter to see the columns it needs." };
  if (text.includes("\u0000") || text.includes("\uFFFD"))
    return { fileError: "This is not a CSV text file. Save it from your spreadsheet as CSV (UTF-8) and try again." };
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const header = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const extra = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length > 0 || extra.length > 0) {
    return {
      fileError: `The columns are not the export format (${CSV_COLUMNS.join(", ")}).${missing.length ? ` Missing: ${missing.join(", ")}.` : ""}${extra.length ? ` Not expected: ${extra.join(", ")}.` : ""}`,
    };
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) return { fileError: `The file has ${parsed.data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.` };
  const field = (record: Record<string, string>, name: (typeof CSV_COLUMNS)[number]) => unescape((record[name] ?? "").trim());
  return {
    rows: parsed.data.map((record, index) => {
      const cellText = field(record, "cell");
      return {
        line: index + 2,
        organization: field(record, "organization"),
        indicator: field(record, "indicator_code"),
        cellText,
        cell: cellText === "total" ? "" : cellText,
        value: field(record, "value"),
        note: field(record, "note"),
        evidence: field(record, "evidence_url"),
      };
    }),
  };
}
