import "server-only";
// The scheduled reminders (the job queue's "reminders" job, hourly and when a worker starts):
//   - a quarter that has ended and is due within DUE_SOON_DAYS, not yet submitted: "due" to the
//     reporting organization's encoders and partner staff, once per report;
//   - one past its due date and not submitted: "overdue", once per report;
//   - a submission waiting for review whose reviewers were never told (it was seeded, or imported
//     before this existed): the same notification submitting makes, so never twice.
// Each notification's key makes a rerun, or two workers at once, write nothing new.
import { dueEvent, overdueEvent, submittedEvent, type DueRef } from "../notifications/events";
import { getDb } from "./db";
import { notify, reviewersOf } from "./notifications";
import { periodLabel } from "./sql";

export const DUE_SOON_DAYS = 7;

type DueRow = DueRef & { partnershipId: string; overdue: boolean };
type WaitingRow = {
  submissionId: string;
  partnershipId: string;
  slug: string;
  partnership: string;
  organization: string;
  quarter: string;
  submittedAt: Date;
  by: string | null;
};

/** Writes what is due now; returns the mails to queue. */
export async function writeReminders(now: Date = new Date()): Promise<string[]> {
  const db = getDb();
  const today = now.toISOString().slice(0, 10);
  const due = await db.$queryRawUnsafe<DueRow[]>(
    `SELECT o.id AS "organizationId", p.id AS "periodId", pa.id AS "partnershipId", pa.slug, pa.name AS partnership,
            o."shortName" AS organization, ${periodLabel("p")} AS quarter, to_char(p."dueOn", 'YYYY-MM-DD') AS "dueOn",
            p."dueOn" < $1::date AS overdue
     FROM "ReportingPeriod" p JOIN "Partnership" pa ON pa.id = p."partnershipId"
     JOIN "Organization" o ON EXISTS (SELECT 1 FROM "Indicator" i JOIN "Objective" ob ON ob.id = i."objectiveId"
                                      WHERE ob."partnershipId" = pa.id AND i."responsibleOrganizationId" = o.id)
     LEFT JOIN "Submission" s ON s."periodId" = p.id AND s."organizationId" = o.id
     WHERE p."dueOn" IS NOT NULL AND p."dueOn" <= $1::date + $2::int
       AND (make_date(p.year, p.quarter * 3, 1) + interval '1 month')::date <= $1::date
       AND (s.id IS NULL OR s.status IN ('DRAFT', 'RETURNED'))
     ORDER BY p."dueOn", pa.slug, o."shortName"`,
    today,
    DUE_SOON_DAYS,
  );
  const waiting = await db.$queryRawUnsafe<WaitingRow[]>(
    `SELECT s.id AS "submissionId", pa.id AS "partnershipId", pa.slug, pa.name AS partnership, o."shortName" AS organization,
            ${periodLabel("p")} AS quarter, s."submittedAt", u.name AS by
     FROM "Submission" s JOIN "ReportingPeriod" p ON p.id = s."periodId" JOIN "Partnership" pa ON pa.id = s."partnershipId"
     JOIN "Organization" o ON o.id = s."organizationId" LEFT JOIN "User" u ON u.id = s."submittedById"
     WHERE s.status = 'SUBMITTED' AND s."submittedAt" IS NOT NULL
     ORDER BY s."submittedAt"`,
  );
  const mails: string[] = [];
  for (const row of due) {
    mails.push(
      ...(await db.$transaction(async (tx) => {
        const users = await tx.user.findMany({
          where: { organizationId: row.organizationId, role: { in: ["ENCODER", "PARTNER"] }, partnerships: { some: { partnershipId: row.partnershipId } } },
          select: { id: true },
        });
        return notify(tx, { ...(row.overdue ? overdueEvent(row) : dueEvent(row)), userIds: users.map((u) => u.id) });
      })),
    );
  }
  for (const row of waiting) {
    mails.push(
      ...(await db.$transaction(async (tx) =>
        notify(tx, { ...submittedEvent(row, row.submittedAt, row.by), userIds: await reviewersOf(tx, row.partnershipId) }),
      )),
    );
  }
  return mails;
}
