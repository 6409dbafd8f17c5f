import "server-only";
import { unsafeApprovedNarratives } from "./narratives";
import { seesRawFiguresOf, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { unsafeIndicatorQuarters, unsafeIndicatorSummaries } from "./results";
import { Prisma } from "../generated/prisma/client";
import { isApproved, periodLabel } from "./sql";

export interface CellValue {
  quarter: string;
  cell: string;
  value: string;
}

/** One indicator: its result and targets, quarter by quarter, its breakdown and its submissions. */
export async function getIndicatorDetail(actor: Actor | null, slug: string, code: string) {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const summary = (await unsafeIndicatorSummaries(db, partnership.id)).find((i) => i.code === code);
  if (!summary) throw new AppError("NOT_FOUND", `There is no indicator ${code} in this partnership.`);
  const { responsibleOrganizationId } = await db.indicator.findUniqueOrThrow({
    where: { id: summary.indicatorId },
    select: { responsibleOrganizationId: true },
  });
  // The breakdown (by sex, for counts of children) is raw: not for another partner's staff.
  const breakdownWithheld = actor !== null && !seesRawFiguresOf(actor, responsibleOrganizationId);
  const [quarters, targets, cells, sources] = await Promise.all([
    unsafeIndicatorQuarters(db, partnership.id, summary.indicatorId),
    db.target.findMany({ where: { indicatorId: summary.indicatorId }, orderBy: [{ scope: "asc" }, { year: "asc" }, { quarter: "asc" }] }),
    db.$queryRaw<CellValue[]>`
      SELECT ${Prisma.raw(periodLabel("p"))} AS quarter, m.cell, SUM(m.value)::text AS value
      FROM "Measurement" m
      JOIN "Submission" s ON s.id = m."submissionId"
      JOIN "ReportingPeriod" p ON p.id = s."periodId"
      WHERE m."indicatorId" = ${summary.indicatorId} AND ${Prisma.raw(isApproved("s"))} AND m.cell <> ''
      GROUP BY p.year, p.quarter, m.cell
      ORDER BY p.year, p.quarter, m.cell`,
    db.$queryRaw<{ quarter: string; organization: string; status: string; approvedAt: Date | null; illustrative: boolean }[]>`
      SELECT ${Prisma.raw(periodLabel("p"))} AS quarter, o."shortName" AS organization, s.status::text AS status,
             s."approvedAt", s.illustrative
      FROM "Submission" s
      JOIN "ReportingPeriod" p ON p.id = s."periodId"
      JOIN "Organization" o ON o.id = s."organizationId"
      WHERE EXISTS (SELECT 1 FROM "Measurement" m WHERE m."submissionId" = s.id AND m."indicatorId" = ${summary.indicatorId})
      ORDER BY p.year, p.quarter`,
  ]);
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    summary,
    quarters,
    targets: targets.map((t) => ({ scope: t.scope, year: t.year, quarter: t.quarter, value: t.value.toString(), illustrative: t.illustrative })),
    cells: breakdownWithheld ? [] : cells,
    breakdownWithheld,
    submissions: sources.map((s) => ({ ...s, approvedAt: s.approvedAt?.toISOString() ?? null })),
  };
}

/** One objective with its indicators' results against their targets. */
export async function getObjectiveDetail(actor: Actor | null, slug: string, code: string) {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const objective = await db.objective.findUnique({
    where: { partnershipId_code: { partnershipId: partnership.id, code } },
    select: { code: true, title: true, description: true },
  });
  if (!objective) throw new AppError("NOT_FOUND", `There is no objective ${code} in this partnership.`);
  const indicators = (await unsafeIndicatorSummaries(db, partnership.id)).filter((i) => i.objectiveCode === code);
  const narratives = (await unsafeApprovedNarratives(db, partnership.id, [code], null)).filter(
    (n) => actor !== null && seesRawFiguresOf(actor, n.organizationId),
  );
  return { partnership: { slug: partnership.slug, name: partnership.name }, objective, indicators, narratives };
}
