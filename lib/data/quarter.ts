import "server-only";
import { AppError } from "../errors";
import { formatQuarter, parseQuarter } from "../periods";
import type { QuarterIndicator, QuarterValues, ValueProblem } from "../quarter/values";
import type { Tx } from "./prisma";

// The rules of one organization's report for a quarter, written once for every writer (the entry
// form, the CSV import, partner-government contributions):
// - which quarter a URL's slug and "2021Q2" name;
// - whether the report may be changed: a draft or a returned report may; a submitted one waits
//   for its reviewer; an approved one is LOCKED (the one meaning of the word here): nobody changes
//   it until an administrator reopens it with a reason, which returns it to its organization;
// - claiming it for a change: the version the writer read must still be the stored one, and of
//   two writers who read the same version exactly one wins, even when both are the quarter's
//   first (the unique key on period and organization refuses the second insert).

export const LOCKED_MESSAGE = "This report is approved and locked: only an administrator can reopen it, with a reason.";
export const SUBMITTED_MESSAGE = "This report is submitted and waiting for review: it cannot be changed until a reviewer returns it.";
export const RACE_MESSAGE = "Someone else saved this quarter at the same moment, so nothing was saved. Reload the page, then re-apply your edits.";

type Status = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

/** Locked means approved: see the rules above. */
export const isLocked = (status: Status | undefined) => status === "APPROVED";
/** A report that does not exist yet may be started; a draft or a returned one may be changed. */
export const isEditable = (status: Status | undefined) => status === undefined || status === "DRAFT" || status === "RETURNED";

/** The partnership and reporting period a slug and a quarter ("2021Q2") name, or NOT_FOUND. */
export async function resolveQuarter(tx: Tx, slug: string, periodText: string) {
  const quarter = parseQuarter(periodText);
  if (!quarter) throw new AppError("NOT_FOUND", `"${periodText}" is not a quarter: use the form 2019Q3.`);
  const partnership = await tx.partnership.findUnique({ where: { slug }, select: { id: true } });
  if (!partnership) throw new AppError("NOT_FOUND", "That partnership does not exist. Reload the page.");
  const period = await tx.reportingPeriod.findUnique({
    where: { partnershipId_year_quarter: { partnershipId: partnership.id, year: quarter.year, quarter: quarter.quarter } },
  });
  if (!period) throw new AppError("NOT_FOUND", `${formatQuarter(quarter)} is not a reporting quarter of this partnership.`);
  return { partnershipId: partnership.id, period };
}

/** The organization's report for the period, or null; refuses one that may not be changed. */
export async function editableReport(tx: Tx, periodId: string, organizationId: string) {
  const submission = await tx.submission.findUnique({ where: { periodId_organizationId: { periodId, organizationId } } });
  if (submission && !isEditable(submission.status)) {
    throw new AppError("CONFLICT", isLocked(submission.status) ? LOCKED_MESSAGE : SUBMITTED_MESSAGE);
  }
  return submission;
}

/** Whether a write failed on a unique key (Prisma P2002): another writer got there first. */
export const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "P2002";

/**
 * Claims the report for one change: creates it at version 1 when it is the quarter's first, or
 * moves it from `version` to `version + 1`. A writer who lost the race gets CONFLICT, and the
 * caller's transaction, with everything it wrote, rolls back.
 */
export async function claimReport(
  tx: Tx,
  input: { partnershipId: string; periodId: string; organizationId: string; version: number; existingId: string | null },
  data: {
    status?: Status;
    submittedById?: string;
    submittedAt?: Date;
    returnReason?: null;
    returnedAt?: null;
    reopenedAt?: null;
    revisedAt?: Date | null;
    illustrative?: boolean;
  } = {},
) {
  if (input.existingId === null) {
    try {
      return await tx.submission.create({
        data: { partnershipId: input.partnershipId, periodId: input.periodId, organizationId: input.organizationId, version: 1, ...data, illustrative: false },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", RACE_MESSAGE);
      throw error;
    }
  }
  const updated = await tx.submission.updateMany({ where: { id: input.existingId, version: input.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("CONFLICT", RACE_MESSAGE);
  return tx.submission.findUniqueOrThrow({ where: { id: input.existingId } });
}

/** The indicators an organization reports on a partnership, in their order. */
export async function indicatorsFor(tx: Tx, partnershipId: string, organizationId: string): Promise<(QuarterIndicator & { id: string })[]> {
  return tx.indicator.findMany({
    where: { responsibleOrganizationId: organizationId, objective: { partnershipId } },
    orderBy: [{ objective: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: { id: true, code: true, name: true, unit: true, dimensions: true, cellsSumToTotal: true },
  });
}

/** The values a report holds now, as the entry form and the import compare them. */
export async function storedValues(tx: Tx, submissionId: string | null): Promise<QuarterValues> {
  if (!submissionId) return {};
  const rows = await tx.measurement.findMany({ where: { submissionId }, include: { indicator: { select: { code: true } } } });
  const values: QuarterValues = {};
  for (const r of rows) {
    const indicator = (values[r.indicator.code] ??= { cells: {}, note: null, evidence: null });
    indicator.cells[r.cell] = r.value?.toString() ?? r.textValue;
    if (r.cell === "") Object.assign(indicator, { note: r.note, evidence: r.evidenceUrl });
  }
  return values;
}

/** A report's narratives by objective code, for its audit row: only the parts written. */
export async function storedNarratives(tx: Tx, submissionId: string): Promise<Record<string, Record<string, string>>> {
  const rows = await tx.submissionNarrative.findMany({ where: { submissionId }, include: { objective: { select: { code: true } } } });
  return Object.fromEntries(
    rows.map((r) => [
      r.objective.code,
      Object.fromEntries(
        Object.entries({ progress: r.progress, challenges: r.challenges, nextSteps: r.nextSteps }).filter((e): e is [string, string] => e[1] !== null),
      ),
    ]),
  );
}

/** How a save's audit row records values: cells by indicator, and notes and evidence links where there are any. */
export function auditedValues(values: QuarterValues) {
  const entries = Object.entries(values);
  return {
    values: Object.fromEntries(entries.map(([code, v]) => [code, v.cells])),
    notes: Object.fromEntries(entries.filter(([, v]) => v.note || v.evidence).map(([code, v]) => [code, { note: v.note, evidence: v.evidence }])),
  };
}

/** A submission round's values (model SubmissionRound), as JSON. */
export function roundValues(values: QuarterValues) {
  return Object.fromEntries(Object.entries(values).map(([code, v]) => [code, { cells: { ...v.cells }, note: v.note, evidence: v.evidence }]));
}

/** Values that break the rules of lib/quarter/values.ts; each edge shows the problems its own way. */
export class InvalidQuarterValues extends AppError {
  constructor(readonly problems: ValueProblem[]) {
    super("VALIDATION", "Some values need attention: see the messages under them. Nothing was saved.");
  }
}
