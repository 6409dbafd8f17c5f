import "server-only";
import { reportState, type ReportState } from "../format";
import type { Tx } from "./prisma";
import { isApproved, partnershipBounds, quarterIndex, quarterLabel } from "./sql";

// Results aggregations, all in SQL. Only approved submissions count. How quarters combine is
// the indicator's own rule (SUM, LATEST or MAX), never guessed. "No target set" is null.
// Annual targets count in the last reporting quarter of their year within the partnership.

const bounds = `
  bounds AS (
    SELECT ${partnershipBounds}
    FROM "Partnership" WHERE id = $1
  )`;

/** Approved totals by indicator and quarter, for the partnerships that match `partnerships` (SQL). */
const approvedTotals = (partnerships: string) => `
  actuals AS (
    SELECT m."indicatorId", ${quarterIndex("p.year", "p.quarter")} AS idx, SUM(m.value) AS value, bool_or(s.illustrative) AS illustrative
    FROM "Measurement" m
    JOIN "Submission" s ON s.id = m."submissionId"
    JOIN "ReportingPeriod" p ON p.id = s."periodId" AND p."partnershipId" ${partnerships}
    WHERE s."partnershipId" ${partnerships} AND ${isApproved("s")} AND m.cell = '' AND m.value IS NOT NULL
    GROUP BY 1, 2
  )`;

export interface IndicatorSummary {
  partnershipId: string;
  /** The objective's and the indicator's places in their lists (the rows come in that order). */
  objectiveSortOrder: number;
  sortOrder: number;
  indicatorId: string;
  code: string;
  name: string;
  objectiveCode: string;
  objectiveTitle: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  aggregation: "SUM" | "LATEST" | "MAX";
  responsibleId: string;
  responsible: string;
  sensitive: boolean;
  actual: string | null;
  actualIllustrative: boolean;
  target: string | null;
  targetIllustrative: boolean;
  percentOfTarget: string | null;
  published: { value: string; qualifier: string; sourceTitle: string; sourcePublisher: string; statedOn: string } | null;
}

/**
 * Every indicator of the partnerships in $1 (an array of ids) with its life-of-partnership result
 * against its target: one row per indicator, as IndicatorSummary.
 */
const indicatorSummariesSql = `
    WITH ${approvedTotals("= ANY($1::text[])")},
    life_actuals AS (
      SELECT a."indicatorId", SUM(a.value) AS sum, MAX(a.value) AS max,
             (array_agg(a.value ORDER BY a.idx DESC))[1] AS latest, bool_or(a.illustrative) AS illustrative
      FROM actuals a GROUP BY 1
    ),
    life_targets AS (
      SELECT t."indicatorId",
             COALESCE(MAX(t.value) FILTER (WHERE t.scope = 'LIFE'), SUM(t.value) FILTER (WHERE t.scope = 'YEAR'),
                      SUM(t.value) FILTER (WHERE t.scope = 'QUARTER')) AS value,
             bool_or(t.illustrative) AS illustrative
      FROM "Target" t JOIN "Indicator" ti ON ti.id = t."indicatorId" JOIN "Objective" tobj ON tobj.id = ti."objectiveId"
      WHERE tobj."partnershipId" = ANY($1::text[])
      GROUP BY 1
    ),
    life AS (
      SELECT i.id,
             CASE i.aggregation WHEN 'SUM' THEN la.sum WHEN 'MAX' THEN la.max ELSE la.latest END AS actual,
             COALESCE(la.illustrative, false) AS actual_illustrative,
             lt.value AS target,
             COALESCE(lt.illustrative, false) AS target_illustrative
      FROM "Indicator" i JOIN "Objective" o ON o.id = i."objectiveId"
      LEFT JOIN life_actuals la ON la."indicatorId" = i.id
      LEFT JOIN life_targets lt ON lt."indicatorId" = i.id
      WHERE o."partnershipId" = ANY($1::text[])
    )
    SELECT o."partnershipId", o."sortOrder" AS "objectiveSortOrder", i."sortOrder", i.id AS "indicatorId", i.code, i.name, o.code AS "objectiveCode", o.title AS "objectiveTitle",
           i.unit::text AS unit, i.aggregation::text AS aggregation,
           i."responsibleOrganizationId" AS "responsibleId", org."shortName" AS responsible, i.sensitive,
           l.actual::text AS actual, l.actual_illustrative AS "actualIllustrative",
           l.target::text AS target, l.target_illustrative AS "targetIllustrative",
           CASE WHEN l.target > 0 AND l.actual IS NOT NULL THEN round(l.actual / l.target * 100, 1)::text END AS "percentOfTarget",
           (SELECT json_build_object('value', r.value::text, 'qualifier', r.qualifier, 'sourceTitle', src.title,
                                     'sourcePublisher', src.publisher, 'statedOn', to_char(r."statedOn", 'YYYY-MM-DD'))
              FROM "PublishedResult" r JOIN "Source" src ON src.id = r."sourceId"
              WHERE r."indicatorId" = i.id LIMIT 1) AS published
    FROM "Indicator" i
    JOIN "Objective" o ON o.id = i."objectiveId"
    JOIN "Organization" org ON org.id = i."responsibleOrganizationId"
    JOIN life l ON l.id = i.id`;

/** Every indicator of a partnership with its life-of-partnership result against its target. */
export async function unsafeIndicatorSummaries(db: Tx, partnershipId: string): Promise<IndicatorSummary[]> {
  return db.$queryRawUnsafe<IndicatorSummary[]>(`SELECT * FROM (${indicatorSummariesSql}) s ORDER BY s."objectiveSortOrder", s."sortOrder"`, [partnershipId]);
}

export interface ResultsOverview {
  targetsSet: number;
  targetsMet: number;
  illustrative: boolean;
}

/** Per partnership (the dashboard's list): how many indicators have a target, how many met it. */
export async function unsafeResultsOverview(db: Tx, partnershipIds: string[]): Promise<Map<string, ResultsOverview>> {
  const rows = await db.$queryRawUnsafe<(ResultsOverview & { partnershipId: string })[]>(
    `SELECT s."partnershipId",
            count(s."percentOfTarget")::int AS "targetsSet",
            count(*) FILTER (WHERE s."percentOfTarget"::numeric >= 100)::int AS "targetsMet",
            bool_or(s."actualIllustrative") AS illustrative
     FROM (${indicatorSummariesSql}) s GROUP BY 1`,
    partnershipIds,
  );
  return new Map(rows.map(({ partnershipId, ...overview }) => [partnershipId, overview]));
}

export interface IndicatorQuarter {
  quarter: string;
  actual: string | null;
  target: string | null;
  cumulativeActual: string | null;
  cumulativeTarget: string | null;
  /** True where the quarter's approved value was generated for the demo. */
  illustrative: boolean;
}

/** One indicator, quarter by quarter: actual and target, and their running totals by its rule. */
export async function unsafeIndicatorQuarters(db: Tx, partnershipId: string, indicatorId: string): Promise<IndicatorQuarter[]> {
  return db.$queryRawUnsafe<IndicatorQuarter[]>(
    `
    WITH ${bounds}, ${approvedTotals("= $1")},
    indicator AS (SELECT id, aggregation FROM "Indicator" WHERE id = $2),
    quarters AS (SELECT generate_series(first_idx, last_idx) AS idx FROM bounds),
    year_end AS (SELECT idx / 4 AS year, MAX(idx) AS idx FROM quarters GROUP BY idx / 4),
    targets AS (
      SELECT q.idx,
             NULLIF(COALESCE((SELECT SUM(t.value) FROM "Target" t WHERE t."indicatorId" = $2 AND t.scope = 'QUARTER'
                                AND ${quarterIndex("t.year", "t.quarter")} = q.idx), 0)
                  + COALESCE((SELECT SUM(t.value) FROM "Target" t JOIN year_end y ON y.year = t.year
                                WHERE t."indicatorId" = $2 AND t.scope = 'YEAR' AND y.idx = q.idx), 0), 0) AS value
      FROM quarters q
    ),
    series AS (
      SELECT q.idx, a.value AS actual, t.value AS target, COALESCE(a.illustrative, false) AS illustrative,
             count(a.value) OVER w AS reported,
             SUM(a.value) OVER w AS running_sum,
             MAX(a.value) OVER w AS running_max,
             SUM(t.value) OVER w AS running_target
      FROM quarters q
      LEFT JOIN actuals a ON a."indicatorId" = $2 AND a.idx = q.idx
      LEFT JOIN targets t ON t.idx = q.idx
      WINDOW w AS (ORDER BY q.idx)
    )
    SELECT ${quarterLabel("s.idx")} AS quarter,
           s.actual::text AS actual, s.target::text AS target,
           CASE WHEN s.reported = 0 THEN NULL
                WHEN i.aggregation = 'SUM' THEN s.running_sum
                WHEN i.aggregation = 'MAX' THEN s.running_max
                ELSE (SELECT a.value FROM actuals a WHERE a."indicatorId" = $2 AND a.idx <= s.idx ORDER BY a.idx DESC LIMIT 1)
           END::text AS "cumulativeActual",
           s.running_target::text AS "cumulativeTarget", s.illustrative
    FROM series s CROSS JOIN indicator i
    ORDER BY s.idx`,
    partnershipId,
    indicatorId,
  );
}

export interface ReportingCell {
  partnershipId: string;
  quarter: string;
  organizationId: string;
  organization: string;
  status: "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
  /** The status in the words every page uses (lib/format.ts). */
  state: ReportState;
  /** When the report is due (ISO date), from the reporting period; null where none is set. */
  dueOn: string | null;
}

/** Quarter × reporting organization: where each submission stands. */
export const unsafeReportingGrid = (db: Tx, partnershipId: string) => unsafeReportingGridOf(db, [partnershipId], { lastQuarterOnly: false });

/** The same for several partnerships at once; the dashboard's list wants only each one's last quarter. */
export async function unsafeReportingGridOf(db: Tx, partnershipIds: string[], options: { lastQuarterOnly: boolean }): Promise<ReportingCell[]> {
  const rows = await db.$queryRawUnsafe<(Omit<ReportingCell, "state"> & { reopened: boolean; revised: boolean })[]>(
    `
    WITH parts AS (
      SELECT id AS pid, ${partnershipBounds}
      FROM "Partnership" WHERE id = ANY($1::text[])
    ),
    quarters AS (SELECT pid, generate_series(${options.lastQuarterOnly ? "last_idx" : "first_idx"}, last_idx) AS idx FROM parts),
    reporters AS (
      SELECT DISTINCT o."partnershipId" AS pid, i."responsibleOrganizationId" AS org
      FROM "Indicator" i JOIN "Objective" o ON o.id = i."objectiveId" WHERE o."partnershipId" = ANY($1::text[])
    )
    SELECT q.pid AS "partnershipId", ${quarterLabel("q.idx")} AS quarter,
           r.org AS "organizationId", org."shortName" AS organization,
           COALESCE(s.status::text, 'NOT_STARTED') AS status,
           s."reopenedAt" IS NOT NULL AS reopened, s."revisedAt" IS NOT NULL AS revised,
           to_char(p."dueOn", 'YYYY-MM-DD') AS "dueOn"
    FROM quarters q JOIN reporters r ON r.pid = q.pid
    JOIN "Organization" org ON org.id = r.org
    LEFT JOIN "ReportingPeriod" p ON p."partnershipId" = q.pid AND ${quarterIndex("p.year", "p.quarter")} = q.idx
    LEFT JOIN "Submission" s ON s."partnershipId" = q.pid AND s."periodId" = p.id AND s."organizationId" = r.org
    ORDER BY q.pid, q.idx, org."shortName"`,
    partnershipIds,
  );
  return rows.map(({ reopened, revised, ...cell }) => ({
    ...cell,
    state: cell.status === "NOT_STARTED" ? "NOT_STARTED" : reportState({ status: cell.status, reopenedAt: reopened, revisedAt: revised }),
  }));
}
