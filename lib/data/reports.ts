import "server-only";
import { can, seesRawFiguresOf, type Actor } from "../auth/permissions";
import { cellsOf, type Cell } from "../dimensions";
import { formatQuarter } from "../periods";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { isEditable, isLocked, resolveQuarter } from "./quarter";

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
  submission: null | {
    id: string;
    status: SubmissionStatus;
    version: number;
    illustrative: boolean;
    submittedAt: string | null;
    approvedAt: string | null;
    returnReason: string | null;
    canReview: boolean;
    measurements: { indicatorCode: string; indicatorName: string; unit: string; cell: string; value: string | null }[];
    comments: { author: string; body: string; at: string }[];
  };
}

export interface QuarterReport {
  partnership: { slug: string; name: string };
  period: string;
  /** Every reporting organization's report is approved, so locked (see ./quarter). */
  locked: boolean;
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
      comments: { include: { author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      contributions: { orderBy: { id: "asc" } },
    },
  });
  const byOrganization = new Map(submissions.map((s) => [s.organizationId, s]));
  const indicators = await db.indicator.findMany({
    where: { objective: { partnershipId: partnership.id } },
    orderBy: [{ objective: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: { id: true, code: true, name: true, unit: true, dimensions: true, cellsSumToTotal: true, responsibleOrganizationId: true },
  });
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    period: formatQuarter(period),
    locked: reporters.length > 0 && reporters.every((org) => isLocked(byOrganization.get(org.id)?.status)),
    organizations: reporters.map((org) => {
      const s = byOrganization.get(org.id);
      // Another organization's report, for those who may not see it raw: approved totals only.
      const raw = actor !== null && seesRawFiguresOf(actor, org.id);
      const shown = (m: { cell: string }) => raw || (isLocked(s?.status) && m.cell === "");
      const scope = { partnershipId: partnership.id, organizationId: org.id };
      const editable = isEditable(s?.status);
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
        entry: indicators
          .filter((i) => i.responsibleOrganizationId === org.id)
          .map((i) => {
            const rows = s?.measurements.filter((m) => m.indicatorId === i.id && shown(m)) ?? [];
            const total = raw ? rows.find((m) => m.cell === "") : undefined;
            return {
              code: i.code,
              name: i.name,
              unit: i.unit,
              dimensions: i.dimensions,
              cellsSumToTotal: i.cellsSumToTotal,
              cells: cellsOf(i.dimensions),
              values: Object.fromEntries(rows.map((m) => [m.cell, m.value?.toString() ?? m.textValue])),
              note: total?.note ?? null,
              evidence: total?.evidenceUrl ?? null,
            };
          }),
        submission: s
          ? {
              id: s.id,
              status: s.status,
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
              comments: (raw ? s.comments : []).map((c) => ({ author: c.author.name, body: c.body, at: c.createdAt.toISOString() })),
            }
          : null,
      };
    }),
  };
}
