import "server-only";
import Papa from "papaparse";
import { can, type Actor } from "../auth/permissions";
import { toCsv } from "../csv";
import { cellsOf } from "../dimensions";
import { AppError } from "../errors";
import { parseQuarter } from "../periods";
import { evidenceField, noteField, parseEntry, valueField, type EntryIndicator } from "../validation/entry";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { saveSubmission } from "./submissions";

// One quarter's values as CSV, out and back in. The same columns both ways, so an export can be
// corrected in a spreadsheet and imported again. Import is a dry run first, then all or nothing.

export const CSV_COLUMNS = ["organization", "indicator_code", "cell", "value", "note", "evidence_url"] as const;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

async function quarterContext(actor: Actor | null, slug: string, periodText: string) {
  const partnership = await requirePartnership(actor, slug);
  const quarter = parseQuarter(periodText);
  const period = quarter
    ? await getDb().reportingPeriod.findUnique({
        where: { partnershipId_year_quarter: { partnershipId: partnership.id, year: quarter.year, quarter: quarter.quarter } },
      })
    : null;
  if (!period) throw new AppError("NOT_FOUND", `${periodText} is not a reporting quarter of this partnership.`);
  return { partnership, period };
}

/** Every value entered for the quarter, by organization, in the import format. */
export async function exportQuarterCsv(actor: Actor | null, slug: string, periodText: string): Promise<string> {
  const { period } = await quarterContext(actor, slug, periodText);
  const rows = await getDb().measurement.findMany({
    where: { submission: { periodId: period.id } },
    include: { indicator: { select: { code: true, sortOrder: true } }, submission: { select: { organization: { select: { shortName: true } } } } },
    orderBy: [{ submission: { organization: { shortName: "asc" } } }, { indicator: { sortOrder: "asc" } }, { cell: "asc" }],
  });
  return toCsv(
    [...CSV_COLUMNS],
    rows.map((m) => [
      m.submission.organization.shortName,
      m.indicator.code,
      m.cell === "" ? "total" : m.cell,
      m.value?.toString() ?? m.textValue ?? "",
      m.cell === "" ? (m.note ?? "") : "",
      m.cell === "" ? (m.evidenceUrl ?? "") : "",
    ]),
  );
}

export type ImportOutcome = "create" | "change" | "unchanged" | "reject";

export interface ImportRow {
  line: number;
  indicator: string;
  cell: string;
  value: string;
  before: string | null;
  outcome: ImportOutcome;
  /** What applying the row changes, in words: its value, note or evidence link. */
  changes: string[];
  reason?: string;
}

export interface ImportReport {
  organization: string;
  rows: ImportRow[];
  counts: Record<ImportOutcome, number>;
  /** A problem with the whole file (not CSV, wrong columns, empty, too big). */
  fileError?: string;
  applied: boolean;
  version: number;
}

/** Numbers compare as numbers ("5.0" is 5), but an empty cell is not 0. */
const sameValue = (unit: string, before: string, after: string) =>
  before === after || (unit !== "TEXT" && before !== "" && after !== "" && Number(before) === Number(after));

/** "value: 5 → 6", "note will be removed ("…")", "evidence link added: https://…". */
function describeChange(what: string, before: string, after: string, show: (text: string) => string): string {
  if (after === "") return `${what} will be removed (${show(before)})`;
  if (before === "") return `${what} added: ${show(after)}`;
  return `${what}: ${show(before)} → ${show(after)}`;
}

/** Undoes the export's formula escaping, so a round trip gives back the same text. */
const unescape = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/**
 * Reads an import file for one organization's quarter and says, row by row, what it would
 * create, change or reject. With apply, and only when nothing is rejected, it saves it all in
 * one transaction through the same path as the entry form (version check, rules, audit).
 */
export async function importQuarterCsv(
  actor: Actor | null,
  input: { slug: string; period: string; organizationId: string; version: number; text: string; apply: boolean },
): Promise<ImportReport> {
  const { partnership, period } = await quarterContext(actor, input.slug, input.period);
  const scope = { partnershipId: partnership.id, organizationId: input.organizationId };
  if (!actor || !can(actor, "submission.edit", scope)) {
    throw new AppError("FORBIDDEN", "You may import values only for your own organization's indicators.");
  }
  const db = getDb();
  const organization = await db.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { shortName: true } });
  const empty = (fileError: string, version = input.version): ImportReport => ({
    organization: organization.shortName, rows: [], counts: { create: 0, change: 0, unchanged: 0, reject: 0 }, fileError, applied: false, version,
  });

  if (input.text.trim() === "") return empty("The file is empty: export a quarter to see the columns it needs.");
  if (input.text.includes("\u0000") || input.text.includes("\uFFFD")) return empty("This is not a CSV text file. Save it from your spreadsheet as CSV (UTF-8) and try again.");
  const parsed = Papa.parse<Record<string, string>>(input.text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim().toLowerCase() });
  const header = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const extra = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length > 0 || extra.length > 0) {
    return empty(
      `The columns are not the export format (${CSV_COLUMNS.join(", ")}).${missing.length ? ` Missing: ${missing.join(", ")}.` : ""}${extra.length ? ` Not expected: ${extra.join(", ")}.` : ""}`,
    );
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) return empty(`The file has ${parsed.data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);

  const indicators = await db.indicator.findMany({
    where: { responsibleOrganizationId: input.organizationId, objective: { partnershipId: partnership.id } },
    select: { id: true, code: true, name: true, unit: true, dimensions: true, cellsSumToTotal: true },
  });
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const submission = await db.submission.findUnique({
    where: { periodId_organizationId: { periodId: period.id, organizationId: input.organizationId } },
    include: { measurements: { include: { indicator: { select: { code: true } } } } },
  });
  const version = submission?.version ?? 0;

  // The form the entry page would send: the stored values, with the file's rows over them.
  const form: Record<string, string> = {};
  const current = new Map<string, string | null>();
  for (const m of submission?.measurements ?? []) {
    const value = m.value?.toString() ?? m.textValue ?? "";
    form[valueField(m.indicator.code, m.cell)] = value;
    current.set(valueField(m.indicator.code, m.cell), value);
    if (m.cell === "") {
      form[noteField(m.indicator.code)] = m.note ?? "";
      form[evidenceField(m.indicator.code)] = m.evidenceUrl ?? "";
    }
  }

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const code = unescape((record.indicator_code ?? "").trim());
    const cellText = unescape((record.cell ?? "").trim());
    const value = unescape((record.value ?? "").trim());
    const row: ImportRow = { line, indicator: code, cell: cellText, value, before: null, outcome: "reject", changes: [] };
    rows.push(row);
    const orgName = unescape((record.organization ?? "").trim());
    if (orgName !== organization.shortName) return void (row.reason = `This row is for "${orgName}", not ${organization.shortName}: import it on that organization's page.`);
    const indicator = byCode.get(code);
    if (!indicator) return void (row.reason = `"${code}" is not one of ${organization.shortName}'s indicators on this partnership.`);
    const cell = cellText === "total" || cellText === "" ? "" : cellText;
    if (cell !== "" && !cellsOf(indicator.dimensions).some((c) => c.key === cell)) {
      return void (row.reason = `"${cellText}" is not a breakdown of ${code}; use total${cellsOf(indicator.dimensions).map((c) => `, ${c.key}`).join("")}.`);
    }
    const note = unescape((record.note ?? "").trim());
    const evidence = unescape((record.evidence_url ?? "").trim());
    if (cell !== "" && (note !== "" || evidence !== "")) {
      return void (row.reason = `Notes and evidence links belong on the total row of ${code}: move them there.`);
    }
    const field = valueField(code, cell);
    const duplicateOf = seen.get(field);
    if (duplicateOf !== undefined) return void (row.reason = `Duplicate of line ${duplicateOf}: each indicator and cell may appear once.`);
    seen.set(field, line);
    row.before = current.get(field) ?? null;
    if (row.before !== null && !sameValue(indicator.unit, row.before, value)) row.changes.push(describeChange("value", row.before, value, String));
    form[field] = value;
    if (cell === "") {
      const quote = (text: string) => `"${text}"`;
      if ((form[noteField(code)] ?? "") !== note) row.changes.push(describeChange("note", form[noteField(code)] ?? "", note, quote));
      if ((form[evidenceField(code)] ?? "") !== evidence) row.changes.push(describeChange("evidence link", form[evidenceField(code)] ?? "", evidence, String));
      form[noteField(code)] = note;
      form[evidenceField(code)] = evidence;
    }
    row.outcome = row.before === null ? "create" : row.changes.length > 0 ? "change" : "unchanged";
  });

  // The entry form's own rules, mapped back to the lines that set each field.
  const { errors } = parseEntry(indicators as EntryIndicator[], form, { complete: false });
  for (const [field, messages] of Object.entries(errors)) {
    const line = seen.get(field) ?? seen.get(field.replace(/^(note|evidence):(.*)$/, (_, _kind, code: string) => valueField(code, "")));
    const row = rows.find((r) => r.line === line);
    if (row && row.outcome !== "reject") {
      row.outcome = "reject";
      row.reason = messages.join(" ");
    }
  }

  const counts = { create: 0, change: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  const report: ImportReport = { organization: organization.shortName, rows, counts, applied: false, version };
  if (!input.apply || counts.reject > 0 || counts.create + counts.change === 0) return report;
  const saved = await saveSubmission(actor, { slug: input.slug, period: input.period, organizationId: input.organizationId, version: input.version, intent: "save", form });
  return { ...report, applied: true, version: saved.version };
}
