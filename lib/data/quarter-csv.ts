import "server-only";
import { can, seesRawFiguresOf, type Actor } from "../auth/permissions";
import { cellsOf } from "../dimensions";
import { AppError } from "../errors";
import { quarterCsv, readQuarterCsv } from "../quarter/csv";
import { checkQuarterValues, sameEntry, type IndicatorValues, type QuarterValues } from "../quarter/values";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { indicatorsFor, isLocked, resolveQuarter, storedValues } from "./quarter";
import { saveSubmission } from "./submissions";

// One quarter's values as CSV, out and back in (the columns: lib/quarter/csv.ts). Import is a
// dry run first, which lists every change a row makes, then all or nothing through saveSubmission.

async function quarterContext(actor: Actor | null, slug: string, periodText: string) {
  const partnership = await requirePartnership(actor, slug);
  const { period } = await resolveQuarter(getDb(), slug, periodText);
  return { partnership, period };
}

/** Every value entered for the quarter, by organization, in the import format. */
export async function exportQuarterCsv(actor: Actor | null, slug: string, periodText: string): Promise<string> {
  const { period } = await quarterContext(actor, slug, periodText);
  const all = await getDb().measurement.findMany({
    where: { submission: { periodId: period.id } },
    include: {
      indicator: { select: { code: true, sortOrder: true } },
      submission: { select: { status: true, organizationId: true, organization: { select: { shortName: true } } } },
    },
    orderBy: [{ submission: { organization: { shortName: "asc" } } }, { indicator: { sortOrder: "asc" } }, { cell: "asc" }],
  });
  // Another organization's figures, for those who may not see them raw: approved totals only.
  const raw = (m: (typeof all)[number]) => actor !== null && seesRawFiguresOf(actor, m.submission.organizationId);
  const rows = all.filter((m) => raw(m) || (isLocked(m.submission.status) && m.cell === ""));
  return quarterCsv(
    rows.map((m) => ({
      organization: m.submission.organization.shortName,
      indicator: m.indicator.code,
      cell: m.cell,
      value: m.value?.toString() ?? m.textValue ?? "",
      note: m.cell === "" && raw(m) ? (m.note ?? "") : "",
      evidence: m.cell === "" && raw(m) ? (m.evidenceUrl ?? "") : "",
    })),
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

/** "value: 5 → 6", "note will be removed ("…")", "evidence link added: https://…". */
function describeChange(what: string, before: string, after: string, show: (text: string) => string): string {
  if (after === "") return `${what} will be removed (${show(before)})`;
  if (before === "") return `${what} added: ${show(after)}`;
  return `${what}: ${show(before)} → ${show(after)}`;
}

const copyOf = (values: QuarterValues): QuarterValues =>
  Object.fromEntries(Object.entries(values).map(([code, v]): [string, IndicatorValues] => [code, { ...v, cells: { ...v.cells } }]));

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
  const file = readQuarterCsv(input.text);
  if (file.fileError !== undefined) {
    return {
      organization: organization.shortName,
      rows: [],
      counts: { create: 0, change: 0, unchanged: 0, reject: 0 },
      fileError: file.fileError,
      applied: false,
      version: input.version,
    };
  }

  const indicators = await indicatorsFor(db, partnership.id, input.organizationId);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const submission = await db.submission.findUnique({ where: { periodId_organizationId: { periodId: period.id, organizationId: input.organizationId } } });
  const version = submission?.version ?? 0;
  const stored = await storedValues(db, submission?.id ?? null);
  // The report as it would be after applying: the stored values, with the file's rows over them.
  const merged = copyOf(stored);

  const rows: ImportRow[] = [];
  const lineOf = new Map<string, number>(); // "O1.1|SEX=F" → the line that sets it
  for (const r of file.rows) {
    const row: ImportRow = { line: r.line, indicator: r.indicator, cell: r.cellText, value: r.value, before: null, outcome: "reject", changes: [] };
    rows.push(row);
    const indicator = byCode.get(r.indicator);
    if (r.organization !== organization.shortName) {
      row.reason = `This row is for "${r.organization}", not ${organization.shortName}: import it on that organization's page.`;
    } else if (!indicator) {
      row.reason = `"${r.indicator}" is not one of ${organization.shortName}'s indicators on this partnership.`;
    } else if (r.cell !== "" && !cellsOf(indicator.dimensions).some((c) => c.key === r.cell)) {
      row.reason = `"${r.cellText}" is not a breakdown of ${r.indicator}; use total${cellsOf(indicator.dimensions)
        .map((c) => `, ${c.key}`)
        .join("")}.`;
    } else if (r.cell !== "" && (r.note !== "" || r.evidence !== "")) {
      row.reason = `Notes and evidence links belong on the total row of ${r.indicator}: move them there.`;
    } else if (lineOf.has(`${r.indicator}|${r.cell}`)) {
      row.reason = `Duplicate of line ${lineOf.get(`${r.indicator}|${r.cell}`)}: each indicator and cell may appear once.`;
    } else {
      lineOf.set(`${r.indicator}|${r.cell}`, r.line);
      const now = (merged[r.indicator] ??= { cells: {}, note: null, evidence: null });
      row.before = stored[r.indicator]?.cells[r.cell] ?? null;
      if (row.before !== null && !sameEntry(indicator.unit, row.before, r.value)) row.changes.push(describeChange("value", row.before, r.value, String));
      now.cells[r.cell] = r.value;
      if (r.cell === "") {
        if ((now.note ?? "") !== r.note) row.changes.push(describeChange("note", now.note ?? "", r.note, (text) => `"${text}"`));
        if ((now.evidence ?? "") !== r.evidence) row.changes.push(describeChange("evidence link", now.evidence ?? "", r.evidence, String));
        Object.assign(now, { note: r.note, evidence: r.evidence });
      }
      row.outcome = row.before === null ? "create" : row.changes.length > 0 ? "change" : "unchanged";
    }
  }

  // The same rules as the entry form, each problem shown on the line that set what it is about
  // (a note or evidence link is on the total's line).
  const rowAt = new Map(rows.map((r) => [r.line, r]));
  for (const problem of checkQuarterValues(indicators, merged, { complete: false }).problems) {
    const row = rowAt.get(lineOf.get(`${problem.code}|${typeof problem.part === "object" ? problem.part.cell : ""}`) ?? 0);
    if (row && row.outcome !== "reject") Object.assign(row, { outcome: "reject", reason: problem.message });
  }

  const counts = { create: 0, change: 0, unchanged: 0, reject: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  const report: ImportReport = { organization: organization.shortName, rows, counts, applied: false, version };
  if (!input.apply || counts.reject > 0 || counts.create + counts.change === 0) return report;
  const saved = await saveSubmission(actor, {
    slug: input.slug,
    period: input.period,
    organizationId: input.organizationId,
    version: input.version,
    intent: "save",
    values: merged,
  });
  return { ...report, applied: true, version: saved.version };
}
