import "server-only";
import { scopeOf, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { reportState, type ReportState } from "../format";
import { getDb } from "./db";
import { periodLabel } from "./sql";

export interface WorkItem {
  slug: string;
  partnership: string;
  quarter: string;
  organization: string;
  state: ReportState;
  /** When the report is due (ISO date); null where the period has none. */
  dueOn: string | null;
  /** When it was submitted, for a report waiting for review (ISO timestamp). */
  submittedAt: string | null;
  /** The return's reason, for a returned or reopened report. */
  returnReason: string | null;
  submittedByYou: boolean;
}

export interface WorkQueue {
  /** "review": reports waiting for review, oldest first; "entry": the actor's organization's reports due, overdue or returned. */
  kind: "review" | "entry" | null;
  items: WorkItem[];
  /** How many there are in all (the list shows the first LIMIT). */
  total: number;
}

const LIMIT = 25;

type Row = Omit<WorkItem, "state"> & { status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | null; reopened: boolean; revised: boolean; total: number };

/**
 * What is waiting for the signed-in user on /dashboard. Reviewers and administrators: the reports
 * submitted in their partnerships, oldest first. Encoders and partner staff: their organization's
 * reports for quarters that have ended and are not yet submitted (returned ones first, then by
 * due date).
 */
export async function getWorkQueue(actor: Actor | null, today: string = new Date().toISOString().slice(0, 10)): Promise<WorkQueue> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  // Administrators do not review, but they watch the same queue.
  const reviews = actor.role === "ADMIN" || scopeOf(actor.role, "submission.review") !== null;
  const enters = scopeOf(actor.role, "submission.edit") !== null;
  const partnerships = actor.role === "ADMIN" ? null : actor.partnershipIds;
  const db = getDb();
  let rows: Row[] = [];
  let kind: WorkQueue["kind"] = null;
  if (reviews) {
    kind = "review";
    rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT pa.slug, pa.name AS partnership, ${periodLabel("p")} AS quarter, o."shortName" AS organization,
              s.status::text AS status, false AS reopened, false AS revised,
              to_char(p."dueOn", 'YYYY-MM-DD') AS "dueOn",
              to_char(s."submittedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "submittedAt",
              NULL AS "returnReason", s."submittedById" = $2 AS "submittedByYou", count(*) OVER ()::int AS total
       FROM "Submission" s JOIN "ReportingPeriod" p ON p.id = s."periodId" JOIN "Partnership" pa ON pa.id = s."partnershipId"
       JOIN "Organization" o ON o.id = s."organizationId"
       WHERE s.status = 'SUBMITTED' AND ($1::text[] IS NULL OR s."partnershipId" = ANY($1::text[]))
       ORDER BY s."submittedAt" ASC NULLS LAST, pa.slug, p.year, p.quarter, o."shortName"
       LIMIT ${LIMIT}`,
      partnerships,
      actor.id,
    );
  } else if (enters) {
    kind = "entry";
    rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT pa.slug, pa.name AS partnership, ${periodLabel("p")} AS quarter, o."shortName" AS organization,
              s.status::text AS status, s."reopenedAt" IS NOT NULL AS reopened, s."revisedAt" IS NOT NULL AS revised,
              to_char(p."dueOn", 'YYYY-MM-DD') AS "dueOn", NULL AS "submittedAt", s."returnReason" AS "returnReason",
              false AS "submittedByYou", count(*) OVER ()::int AS total
       FROM "ReportingPeriod" p JOIN "Partnership" pa ON pa.id = p."partnershipId"
       JOIN "Organization" o ON o.id = $2
       LEFT JOIN "Submission" s ON s."periodId" = p.id AND s."organizationId" = o.id
       WHERE pa.id = ANY($1::text[])
         AND EXISTS (SELECT 1 FROM "Indicator" i JOIN "Objective" ob ON ob.id = i."objectiveId"
                     WHERE ob."partnershipId" = pa.id AND i."responsibleOrganizationId" = o.id)
         AND (make_date(p.year, p.quarter * 3, 1) + interval '1 month')::date <= $3::date
         AND (s.id IS NULL OR s.status IN ('DRAFT', 'RETURNED'))
       ORDER BY (s.status = 'RETURNED') DESC NULLS LAST, p."dueOn" ASC NULLS LAST, pa.slug, p.year, p.quarter
       LIMIT ${LIMIT}`,
      actor.partnershipIds,
      actor.organizationId,
      today,
    );
  }
  return {
    kind,
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      slug: row.slug,
      partnership: row.partnership,
      quarter: row.quarter,
      organization: row.organization,
      state: row.status === null ? "NOT_STARTED" : reportState({ status: row.status, reopenedAt: row.reopened, revisedAt: row.revised }),
      dueOn: row.dueOn,
      submittedAt: row.submittedAt,
      returnReason: row.returnReason,
      submittedByYou: row.submittedByYou,
    })),
  };
}
