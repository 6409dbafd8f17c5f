import "server-only";
import type { Actor } from "../auth/permissions";
import type { CurrencyCode } from "../money";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import type { Tx } from "./prisma";
import { isApproved, partnershipBounds, quarterIndex, quarterLabel } from "./sql";

// Money aggregations, all in SQL. Each amount converts at the rate stored with it (PHP per USD,
// with its date and source), never today's rate, rounded to the cent; where a commitment's
// source stated the other currency's amount too, that stated amount is used.
// A funding figure the record restated (USD 3.5M in 2017, USD 4.9M in 2021) counts as pledged
// in the quarter it was first stated, and each restatement adds its difference in its own
// quarter, so cumulative pledged at any quarter is what the record said by then.

/** SQL converting table alias t's amount into the currency given as parameter $2. */
const converted = (t: string) => `
  CASE WHEN $2 = ${t}.currency::text THEN ${t}.amount
       WHEN $2 = 'USD' THEN round(${t}.amount / ${t}."exchangeRate", 2)
       ELSE round(${t}.amount * ${t}."exchangeRate", 2) END`;

/** For a commitment, the other currency's amount as its source stated it wins over converting. */
const convertedCommitment = (t: string) => `
  CASE WHEN $2 = ${t}.currency::text THEN ${t}.amount
       WHEN $2 = ${t}."statedEquivalentCurrency"::text AND ${t}."statedEquivalent" IS NOT NULL THEN ${t}."statedEquivalent"
       ELSE ${converted(t)} END`;

/** A contribution entered with a quarter counts once that quarter is approved. */
export const countsAsDelivered = (d: string) => `
  (${d}."submissionId" IS NULL OR EXISTS (SELECT 1 FROM "Submission" ws WHERE ws.id = ${d}."submissionId" AND ${isApproved("ws")}))`;

export interface FundingQuarterRow {
  quarter: string;
  partyId: string;
  party: string;
  pledged: string;
  delivered: string;
  cumulativePledged: string;
  cumulativeDelivered: string;
  illustrative: boolean;
}

/** Pledged against delivered, per quarter of the partnership and per party, with running totals. */
export async function unsafeFundingByQuarter(db: Tx, partnershipId: string, currency: CurrencyCode): Promise<FundingQuarterRow[]> {
  return db.$queryRawUnsafe<FundingQuarterRow[]>(
    `
    WITH bounds AS (
      SELECT ${partnershipBounds}
      FROM "Partnership" WHERE id = $1
    ),
    quarters AS (SELECT generate_series(first_idx, last_idx) AS idx FROM bounds),
    statements AS (
      SELECT c."figureKey", c."fromOrganizationId" AS org, c."statedOn",
             SUM(${convertedCommitment("c")}) AS value
      FROM "FundingCommitment" c WHERE c."partnershipId" = $1 AND c."countsInTotals"
      GROUP BY 1, 2, 3
    ),
    pledges AS (
      SELECT s.org,
             LEAST(GREATEST(${quarterIndex('EXTRACT(YEAR FROM s."statedOn")', 'EXTRACT(QUARTER FROM s."statedOn")')}::int, b.first_idx), b.last_idx) AS idx,
             s.value - COALESCE(LAG(s.value) OVER (PARTITION BY s."figureKey" ORDER BY s."statedOn"), 0) AS amount
      FROM statements s CROSS JOIN bounds b
    ),
    deliveries AS (
      SELECT d."fromOrganizationId" AS org, ${quarterIndex("p.year", "p.quarter")} AS idx,
             SUM(${converted("d")}) AS amount, bool_or(d.illustrative) AS illustrative
      FROM "FundingDelivery" d JOIN "ReportingPeriod" p ON p.id = d."periodId" AND p."partnershipId" = $1
      WHERE d."partnershipId" = $1 AND ${countsAsDelivered("d")}
      GROUP BY 1, 2
    ),
    parties AS (SELECT org FROM pledges UNION SELECT org FROM deliveries),
    grid AS (
      SELECT q.idx, pa.org,
             COALESCE((SELECT SUM(amount) FROM pledges pl WHERE pl.org = pa.org AND pl.idx = q.idx), 0) AS pledged,
             COALESCE(dl.amount, 0) AS delivered,
             COALESCE(dl.illustrative, false) AS illustrative
      FROM quarters q CROSS JOIN parties pa
      LEFT JOIN deliveries dl ON dl.org = pa.org AND dl.idx = q.idx
    )
    SELECT ${quarterLabel("g.idx")} AS quarter,
           g.org AS "partyId", o."shortName" AS party,
           g.pledged::numeric(18, 2)::text AS pledged,
           g.delivered::numeric(18, 2)::text AS delivered,
           (SUM(g.pledged) OVER w)::numeric(18, 2)::text AS "cumulativePledged",
           (SUM(g.delivered) OVER w)::numeric(18, 2)::text AS "cumulativeDelivered",
           g.illustrative
    FROM grid g JOIN "Organization" o ON o.id = g.org
    WINDOW w AS (PARTITION BY g.org ORDER BY g.idx)
    ORDER BY g.idx, o."shortName"`,
    partnershipId,
    currency,
  );
}

export interface PartyTotal {
  partyId: string;
  party: string;
  committed: string;
  delivered: string;
  deliveredIllustrative: boolean;
}

/**
 * Per partnership and party: what it committed (the latest statement of each figure) and what it
 * delivered. $1 is an array of partnership ids (one for a dashboard, all for the list), $2 the currency.
 */
const partyTotalsSql = `
    WITH ranked AS (
      SELECT c."partnershipId" AS pid, c."fromOrganizationId" AS org, ${convertedCommitment("c")} AS value,
             rank() OVER (PARTITION BY c."partnershipId", c."figureKey" ORDER BY c."statedOn" DESC) AS recency
      FROM "FundingCommitment" c WHERE c."partnershipId" = ANY($1::text[]) AND c."countsInTotals"
    ),
    committed AS (SELECT pid, org, SUM(value) AS amount FROM ranked WHERE recency = 1 GROUP BY pid, org),
    delivered AS (
      SELECT d."partnershipId" AS pid, d."fromOrganizationId" AS org, SUM(${converted("d")}) AS amount, bool_or(d.illustrative) AS illustrative
      FROM "FundingDelivery" d WHERE d."partnershipId" = ANY($1::text[]) AND ${countsAsDelivered("d")} GROUP BY 1, 2
    )
    SELECT p.pid, o.id AS "partyId", o."shortName" AS party,
           COALESCE(c.amount, 0)::numeric(18, 2) AS committed,
           COALESCE(d.amount, 0)::numeric(18, 2) AS delivered,
           COALESCE(d.illustrative, false) AS "deliveredIllustrative"
    FROM (SELECT pid, org FROM committed UNION SELECT pid, org FROM delivered) p
    JOIN "Organization" o ON o.id = p.org
    LEFT JOIN committed c ON c.pid = p.pid AND c.org = p.org
    LEFT JOIN delivered d ON d.pid = p.pid AND d.org = p.org`;

export async function unsafeFundingTotals(db: Tx, partnershipId: string, currency: CurrencyCode): Promise<PartyTotal[]> {
  return db.$queryRawUnsafe<PartyTotal[]>(
    `SELECT "partyId", party, committed::text AS committed, delivered::text AS delivered, "deliveredIllustrative"
     FROM (${partyTotalsSql}) t ORDER BY party`,
    [partnershipId],
    currency,
  );
}

export interface PartnershipFundingTotal {
  committed: string;
  delivered: string;
  illustrative: boolean;
}

/** Each partnership's parties together: committed and delivered (partnerships with neither are absent). */
export async function unsafePartnershipFundingTotals(db: Tx, partnershipIds: string[], currency: CurrencyCode): Promise<Map<string, PartnershipFundingTotal>> {
  const rows = await db.$queryRawUnsafe<(PartnershipFundingTotal & { pid: string })[]>(
    `SELECT pid, SUM(committed)::numeric(18, 2)::text AS committed,
            SUM(delivered)::numeric(18, 2)::text AS delivered,
            bool_or("deliveredIllustrative") AS illustrative
     FROM (${partyTotalsSql}) t GROUP BY pid`,
    partnershipIds,
    currency,
  );
  return new Map(rows.map(({ pid, ...total }) => [pid, total]));
}

/** What a partnership with no commitments or deliveries shows. */
export const NO_FUNDING: PartnershipFundingTotal = { committed: "0.00", delivered: "0.00", illustrative: false };

export interface FundingStatement {
  id: string;
  figureKey: string;
  party: string;
  kind: string;
  label: string;
  amount: string;
  currency: CurrencyCode;
  approximate: boolean;
  exchangeRate: string;
  rateDate: string;
  rateSource: string;
  statedEquivalent: string | null;
  statedEquivalentCurrency: CurrencyCode | null;
  statedOn: string;
  latest: boolean;
  /** False for a statement kept as stated that does not reconcile with the others; note says why. */
  countsInTotals: boolean;
  note: string | null;
  source: { title: string; publisher: string; url: string | null; publishedOn: string | null } | null;
}

/** Every dated funding statement, newest first within each figure, marking the one that counts. */
export async function unsafeFundingStatements(db: Tx, partnershipId: string): Promise<FundingStatement[]> {
  const rows = await db.fundingCommitment.findMany({
    where: { partnershipId },
    orderBy: [{ figureKey: "asc" }, { statedOn: "desc" }, { amount: "desc" }],
    include: { fromOrganization: { select: { shortName: true } }, source: true },
  });
  const latestDate = new Map<string, number>();
  for (const r of rows.filter((row) => row.countsInTotals)) latestDate.set(r.figureKey, Math.max(latestDate.get(r.figureKey) ?? 0, r.statedOn.getTime()));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return rows.map((r) => ({
    id: r.id,
    figureKey: r.figureKey,
    party: r.fromOrganization.shortName,
    kind: r.kind,
    label: r.label,
    amount: r.amount.toFixed(2),
    currency: r.currency,
    approximate: r.approximate,
    exchangeRate: r.exchangeRate.toString(),
    rateDate: iso(r.rateDate),
    rateSource: r.rateSource,
    statedEquivalent: r.statedEquivalent?.toFixed(2) ?? null,
    statedEquivalentCurrency: r.statedEquivalentCurrency,
    statedOn: iso(r.statedOn),
    latest: r.countsInTotals && r.statedOn.getTime() === latestDate.get(r.figureKey),
    countsInTotals: r.countsInTotals,
    note: r.note,
    source: r.source
      ? { title: r.source.title, publisher: r.source.publisher, url: r.source.url, publishedOn: r.source.publishedOn ? iso(r.source.publishedOn) : null }
      : null,
  }));
}

export interface FundingOverview {
  currency: CurrencyCode;
  totals: PartyTotal[];
  quarters: FundingQuarterRow[];
  statements: FundingStatement[];
}

/** The funding panel of a partnership's dashboard, in the chosen currency. */
export async function getFundingOverview(actor: Actor | null, slug: string, currency: CurrencyCode): Promise<FundingOverview> {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const [totals, quarters, statements] = await Promise.all([
    unsafeFundingTotals(db, partnership.id, currency),
    unsafeFundingByQuarter(db, partnership.id, currency),
    unsafeFundingStatements(db, partnership.id),
  ]);
  return { currency, totals, quarters, statements };
}
