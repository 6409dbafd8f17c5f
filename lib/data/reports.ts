import "server-only";
import { can, seesRawFiguresOf, type Actor } from "../auth/permissions";
import { cellsOf, type Cell } from "../dimensions";
import { formatQuarter } from "../periods";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { isEditable, isLocked, resolveQuarter } from "./quarter";
import { indicatorContexts, type IndicatorContext } from "./review";
import { reportState, submissionStatusLabel, type ReportState } from "../format";
import { changesBetweenRounds, describeChange, reviewFlags, type RoundChange } from "../quarter/review";
import { describeRule, type QuarterIndicator, type QuarterValues } from "../quarter/values";

export type SubmissionStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

export interface EntryRow {
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  dimensions: string[];
  cellsSumToTotal: boolean;
  cells: Cell[];
  values: Record<string, string | null>;
  note: string | null;
  evidence: string | null;
  /** The rule the values must meet, in words. */
  rule: string;
  /** Comments on this indicator, oldest first. */
  comments: ThreadComment[];
  /** For those who see the organization's raw figures: the quarter before, the target, totals so far, flags. */
  context: null | {
    previous: Record<string, string | null>;
    previousStatus: string | null;
    change: string | null;
    target: { scope: "QUARTER" | "YEAR"; value: string; reached: string | null } | null;
    yearToDate: string | null;
    toDate: string | null;
    flags: string[];
  };
}

export interface ThreadComment {
  author: string;
  body: string;
  at: string;
  /** The indicator commented on ("O1.2 Perpetrators…"), or null for the report as a whole. */
  indicator: string | null;
}

export interface QuarterSubmission {
  organizationId: string;
  organization: string;
  /** What the actor may do here, decided on the server (each action checks again). */
  canEdit: boolean;
  canReopen: boolean;
  canComment: boolean;
  /** The partner government records its contributions with its quarter. */
  takesContributions: boolean;
  canRecordContributions: boolean;
  contributions: {
    id: string;
    kind: "DISBURSED" | "IN_KIND";
    amount: string;
    currency: "USD" | "PHP";
    exchangeRate: string;
    rateDate: string;
    rateSource: string;
    note: string | null;
  }[];
  /** The version an edit must name: 0 before anything is saved. */
  version: number;
  entry: EntryRow[];
  /** Per objective the organization reports on: its narrative for the quarter (empty for those who may not see it). */
  narratives: { code: string; title: string; progress: string | null; challenges: string | null; nextSteps: string | null }[];
  submission: null | {
    id: string;
    status: SubmissionStatus;
    /** The status in the words every page uses. */
    state: ReportState;
    version: number;
    illustrative: boolean;
    submittedAt: string | null;
    approvedAt: string | null;
    returnReason: string | null;
    canReview: boolean;
    measurements: { indicatorCode: string; indicatorName: string; unit: string; cell: string; value: string | null }[];
    /** Every comment, oldest first; those on one indicator say which. */
    comments: ThreadComment[];
    /** After a return: what changed between the last two submissions, so the reviewer re-checks only that. */
    resubmission: null | { round: number; changes: RoundChange[] };
  };
}

export interface QuarterReport {
  partnership: { slug: string; name: string };
  period: string;
  /** Every reporting organization's report is approved, so locked (see ./quarter). */
  locked: boolean;
  /** May read the audit log ("history of this quarter"). */
  canSeeHistory: boolean;
  organizations: QuarterSubmission[];
}

/** One quarter of a partnership: each reporting organization's submission, values and thread. */
export async function getQuarterReport(actor: Actor | null, slug: string, periodText: string): Promise<QuarterReport> {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const { period } = await resolveQuarter(db, slug, periodText);

  const reporters = await db.organization.findMany({
    where: { indicators: { some: { objective: { partnershipId: partnership.id } } } },
    orderBy: { shortName: "asc" },
    select: { id: true, shortName: true, kind: true },
  });
  const submissions = await db.submission.findMany({
    where: { periodId: period.id },
    include: {
      measurements: {
        include: { indicator: { select: { code: true, name: true, unit: true, sortOrder: true } } },
        orderBy: [{ indicator: { sortOrder: "asc" } }, { cell: "asc" }],
      },
      comments: { include: { author: { select: { name: true } }, indicator: { select: { code: true, name: true } } }, orderBy: { createdAt: "asc" } },
      contributions: { orderBy: { id: "asc" } },
      rounds: { orderBy: { round: "desc" }, take: 2 },
      narratives: true,
    },
  });
  const byOrganization = new Map(submissions.map((s) => [s.organizationId, s]));
  const indicators = await db.indicator.findMany({
    where: { objective: { partnershipId: partnership.id } },
    orderBy: [{ objective: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      unit: true,
      dimensions: true,
      cellsSumToTotal: true,
      responsibleOrganizationId: true,
      objective: { select: { id: true, code: true, title: true } },
    },
  });
  const units = Object.fromEntries(indicators.map((i) => [i.code, i.unit]));
  const contexts = new Map(
    await Promise.all(
      reporters
        .filter((org) => actor !== null && seesRawFiguresOf(actor, org.id))
        .map(
          async (org) =>
            [
              org.id,
              await indicatorContexts(db, {
                partnershipId: partnership.id,
                organizationId: org.id,
                year: period.year,
                quarter: period.quarter,
                submissionId: byOrganization.get(org.id)?.id ?? null,
              }),
            ] as const,
        ),
    ),
  );
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    period: formatQuarter(period),
    canSeeHistory: actor !== null && can(actor, "audit.view", { partnershipId: partnership.id }),
    locked: reporters.length > 0 && reporters.every((org) => isLocked(byOrganization.get(org.id)?.status)),
    organizations: reporters.map((org) => {
      const s = byOrganization.get(org.id);
      // Another organization's report, for those who may not see it raw: approved totals only.
      const raw = actor !== null && seesRawFiguresOf(actor, org.id);
      const shown = (m: { cell: string }) => raw || (isLocked(s?.status) && m.cell === "");
      const scope = { partnershipId: partnership.id, organizationId: org.id };
      const editable = isEditable(s?.status);
      const comments = raw ? (s?.comments ?? []) : [];
      return {
        organizationId: org.id,
        organization: org.shortName,
        canEdit: actor !== null && editable && can(actor, "submission.edit", scope),
        canReopen: actor !== null && s?.status === "APPROVED" && can(actor, "submission.reopen", scope),
        canComment: actor !== null && s !== undefined && can(actor, "submission.comment", scope),
        takesContributions: org.kind === "PARTNER_GOVERNMENT",
        canRecordContributions: org.kind === "PARTNER_GOVERNMENT" && actor !== null && editable && can(actor, "contribution.record", scope),
        contributions: (s?.contributions ?? []).map((c) => ({
          id: c.id,
          kind: c.kind,
          amount: c.amount.toFixed(2),
          currency: c.currency,
          exchangeRate: c.exchangeRate.toString(),
          rateDate: c.rateDate.toISOString().slice(0, 10),
          rateSource: c.rateSource,
          note: c.note,
        })),
        version: s?.version ?? 0,
        narratives: raw
          ? [...new Map(indicators.filter((i) => i.responsibleOrganizationId === org.id).map((i) => [i.objective.id, i.objective])).values()].map((o) => {
              const stored = s?.narratives.find((n) => n.objectiveId === o.id);
              return {
                code: o.code,
                title: o.title,
                progress: stored?.progress ?? null,
                challenges: stored?.challenges ?? null,
                nextSteps: stored?.nextSteps ?? null,
              };
            })
          : [],
        entry: indicators
          .filter((i) => i.responsibleOrganizationId === org.id)
          .map((i) => {
            const rows = s?.measurements.filter((m) => m.indicatorId === i.id && shown(m)) ?? [];
            const total = raw ? rows.find((m) => m.cell === "") : undefined;
            const values = Object.fromEntries(rows.map((m) => [m.cell, m.value?.toString() ?? m.textValue]));
            return {
              code: i.code,
              name: i.name,
              unit: i.unit,
              dimensions: i.dimensions,
              cellsSumToTotal: i.cellsSumToTotal,
              cells: cellsOf(i.dimensions),
              values,
              note: total?.note ?? null,
              evidence: total?.evidenceUrl ?? null,
              rule: describeRule(i),
              comments: raw ? comments.filter((c) => c.indicatorId === i.id).map(threadComment) : [],
              context: contextOf(i, values, contexts.get(org.id)?.get(i.code)),
            };
          }),
        submission: s
          ? {
              id: s.id,
              status: s.status,
              state: reportState(s),
              version: s.version,
              illustrative: s.illustrative,
              submittedAt: s.submittedAt?.toISOString() ?? null,
              approvedAt: s.approvedAt?.toISOString() ?? null,
              returnReason: raw ? s.returnReason : null,
              canReview: actor !== null && can(actor, "submission.review", { partnershipId: partnership.id, organizationId: org.id }),
              measurements: s.measurements.filter(shown).map((m) => ({
                indicatorCode: m.indicator.code,
                indicatorName: m.indicator.name,
                unit: m.indicator.unit,
                cell: m.cell,
                value: m.value?.toString() ?? m.textValue,
              })),
              comments: comments.map(threadComment),
              resubmission: raw && s.rounds.length === 2 ? resubmissionOf(units, s.rounds) : null,
            }
          : null,
      };
    }),
  };
}

type StoredComment = { author: { name: string }; body: string; createdAt: Date; indicator: { code: string; name: string } | null };

const threadComment = (c: StoredComment): ThreadComment => ({
  author: c.author.name,
  body: c.body,
  at: c.createdAt.toISOString(),
  indicator: c.indicator ? `${c.indicator.code} ${c.indicator.name}` : null,
});

/** The last two rounds' values (newest first) as a change list. */
function resubmissionOf(units: Record<string, QuarterIndicator["unit"]>, rounds: { round: number; values: unknown }[]) {
  const [latest, previous] = rounds as [{ round: number; values: unknown }, { round: number; values: unknown }];
  return { round: latest.round, changes: changesBetweenRounds(units, previous.values as QuarterValues, latest.values as QuarterValues) };
}

function contextOf(indicator: QuarterIndicator, values: Record<string, string | null>, context: IndicatorContext | undefined): EntryRow["context"] {
  if (!context) return null;
  const value = values[""] ?? null;
  const target = context.quarterTarget
    ? { scope: "QUARTER" as const, value: context.quarterTarget, reached: null }
    : context.yearTarget
      ? { scope: "YEAR" as const, value: context.yearTarget, reached: context.yearToDate }
      : null;
  const expected = cellsOf(indicator.dimensions).map((c) => c.key);
  const emptyCells = value === null ? [] : expected.filter((cell) => (values[cell] ?? null) === null);
  return {
    previous: context.previous,
    previousStatus: context.previousStatus ? submissionStatusLabel[context.previousStatus] : null,
    change: describeChange(value, context.previous[""] ?? null),
    target,
    yearToDate: context.yearToDate,
    toDate: context.toDate,
    flags: reviewFlags({ unit: indicator.unit, value, previous: context.previous[""] ?? null, target, emptyCells }),
  };
}
