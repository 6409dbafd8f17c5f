import "server-only";
import type { Tx } from "./prisma";
import { isApproved } from "./sql";

/** What stands beside one indicator's figure for a quarter: the quarter before, the target, the totals so far. */
export interface IndicatorContext {
  code: string;
  aggregation: "SUM" | "LATEST" | "MAX";
  // Figures as text without trailing zeros ("4", not "4.00"), as the report's own values read.
  /** The previous quarter's values by cell ("" is the total), and that report's status; empty before the first. */
  previous: Record<string, string | null>;
  previousStatus: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | null;
  quarterTarget: string | null;
  yearTarget: string | null;
  /** SUM indicators: approved totals of the year's earlier quarters plus this report's total. */
  yearToDate: string | null;
  /** SUM indicators: approved totals of every earlier quarter of the partnership plus this report's total. */
  toDate: string | null;
}

/**
 * The context of each indicator an organization reports for one quarter, in one query. Only
 * approved quarters count in the running totals; this report's own total is added to them, so the
 * reviewer sees where approving it would leave the indicator.
 */
export async function indicatorContexts(
  db: Tx,
  input: { partnershipId: string; organizationId: string; year: number; quarter: number; submissionId: string | null },
): Promise<Map<string, IndicatorContext>> {
  const index = input.year * 4 + input.quarter - 1;
  const rows = await db.$queryRawUnsafe<IndicatorContext[]>(
    `
    WITH ind AS (
      SELECT i.id, i.code, i.aggregation::text AS aggregation
      FROM "Indicator" i JOIN "Objective" o ON o.id = i."objectiveId"
      WHERE o."partnershipId" = $1 AND i."responsibleOrganizationId" = $2
    ),
    prev AS (
      SELECT s.id, s.status::text AS status FROM "Submission" s JOIN "ReportingPeriod" p ON p.id = s."periodId"
      WHERE p."partnershipId" = $1 AND s."organizationId" = $2 AND p.year * 4 + p.quarter - 1 = $3 - 1
    ),
    approved AS (
      SELECT m."indicatorId", p.year, p.quarter, m.value
      FROM "Measurement" m JOIN "Submission" s ON s.id = m."submissionId" JOIN "ReportingPeriod" p ON p.id = s."periodId"
      WHERE p."partnershipId" = $1 AND s."organizationId" = $2 AND m.cell = '' AND ${isApproved("s")}
        AND p.year * 4 + p.quarter - 1 < $3 AND s.id IS DISTINCT FROM $4
    ),
    own AS (SELECT m."indicatorId", m.value FROM "Measurement" m WHERE m."submissionId" = $4 AND m.cell = '')
    SELECT ind.code, ind.aggregation,
      COALESCE((SELECT json_object_agg(m.cell, COALESCE(trim_scale(m.value)::text, m."textValue")) FROM "Measurement" m
                WHERE m."submissionId" = (SELECT id FROM prev) AND m."indicatorId" = ind.id), '{}'::json) AS previous,
      (SELECT status FROM prev) AS "previousStatus",
      (SELECT trim_scale(t.value)::text FROM "Target" t WHERE t."indicatorId" = ind.id AND t.scope = 'QUARTER' AND t.year = $5 AND t.quarter = $6) AS "quarterTarget",
      (SELECT trim_scale(t.value)::text FROM "Target" t WHERE t."indicatorId" = ind.id AND t.scope = 'YEAR' AND t.year = $5) AS "yearTarget",
      CASE WHEN ind.aggregation = 'SUM' THEN
        (SELECT trim_scale(COALESCE(SUM(a.value), 0) + COALESCE((SELECT value FROM own WHERE own."indicatorId" = ind.id), 0))::text
         FROM approved a WHERE a."indicatorId" = ind.id AND a.year = $5) END AS "yearToDate",
      CASE WHEN ind.aggregation = 'SUM' THEN
        (SELECT trim_scale(COALESCE(SUM(a.value), 0) + COALESCE((SELECT value FROM own WHERE own."indicatorId" = ind.id), 0))::text
         FROM approved a WHERE a."indicatorId" = ind.id) END AS "toDate"
    FROM ind`,
    input.partnershipId,
    input.organizationId,
    index,
    input.submissionId,
    input.year,
    input.quarter,
  );
  return new Map(rows.map((r) => [r.code, r]));
}
