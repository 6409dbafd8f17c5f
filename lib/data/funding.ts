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
// quarter, so cumulative pledged at any quarter is what the record said by then. That difference
// is split in two: new money (the change in the currency the new statement is made in, valued at
// its rate) and a rate restatement (the earlier figure valued at the new rate, less what it was
// worth before). IACAT's PHP 40M restated at 50 instead of 51.02 PHP per USD in 2018 is USD
// 16,000 of restatement and no new money; in PHP it is nothing at all.

/** SQL converting table alias t's amount into the currency `target` (an SQL text expression). */
const converted = (t: string, target = "$2") => `
  CASE WHEN ${target} = ${t}.currency::text THEN ${t}.amount
       WHEN ${target} = 'USD' THEN round(${t}.amount / ${t}."exchangeRate", 2)
       ELSE round(${t}.amount * ${t}."exchangeRate", 2) END`;

/** For a commitment, the other currency's amount as its source stated it wins over converting. */
const convertedCommitment = (t: string, target = "$2") => `
  CASE WHEN ${target} = ${t}.currency::text THEN ${t}.amount
       WHEN ${target} = ${t}."statedEquivalentCurrency"::text AND ${t}."statedEquivalent" IS NOT NULL THEN ${t}."statedEquivalent"
       ELSE ${converted(t, target)} END`;

/** A contribution entered with a quarter counts once that quarter is approved. */
export const countsAsDelivered = (d: string) => `
  (${d}."submissionId" IS NULL OR EXISTS (SELECT 1 FROM "Submission" ws WHERE ws.id = ${d}."submissionId" AND ${isApproved("ws")}))`;

/** How a statement made in a quarter reads in the chart's currency. */
export interface PledgeBasis {
  statedOn: string;
  kind: string;
  label: string;
  /** As stated, in the statement's own currency. */
  amount: string;
  currency: CurrencyCode;
  /** "about" or "up to". */
  approximate: boolean;
  /** The statement in the chart's currency. */
  value: string;
  /** False where value was converted here (the source did not state it in the chart's currency). */
  valueAsStated: boolean;
  exchangeRate: string;
  rateDate: string;
  rateSource: string;
  /** Where the statement was published: title, publisher and address. */
  source: string | null;
  /** The same figure's previous statement in the chart's currency, and what of the change is new money or only a new rate. */
  previousValue: string | null;
  newMoney: string;
  restated: string;
}

/** Deliveries of a quarter converted into the chart's currency, per rate. */
export interface DeliveryConversion {
  amount: string;
  currency: CurrencyCode;
  exchangeRate: string;
  rateDate: string;
}

export interface FundingQuarterRow {
  quarter: string;
  partyId: string;
  party: string;
  /** New money stated in the quarter; never a change caused only by an exchange rate. */
  pledged: string;
  /** The change in the quarter caused only by a restatement at a new exchange rate (zero in the statement's own currency). */
  restated: string;
  delivered: string;
  /** What the record said by then: every pledge and restatement to date. */
  cumulativePledged: string;
  cumulativeDelivered: string;
  illustrative: boolean;
  /** The statements made in the quarter. */
  pledgeBasis: PledgeBasis[];
  /** Delivered amounts converted from the other currency. */
  deliveredConverted: DeliveryConversion[];
  /** Delivered to date is more than pledged to date; nextStatement is the party's next statement, if any. */
  deliveredExceedsPledged: boolean;
  nextStatement: { statedOn: string; quarter: string; label: string; value: string } | null;
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
    -- One statement: a figure's rows of one date (the two "up to" ceilings of April 2017 are one).
    -- They share a currency and a rate in the record; where currencies were mixed, the chart's counts as own.
    statements AS (
      SELECT c."figureKey" AS fk, c."fromOrganizationId" AS org, c."statedOn" AS stated_on,
             CASE WHEN count(DISTINCT c.currency) = 1 THEN min(c.currency::text) ELSE $2 END AS cur,
             SUM(c.amount) AS amount,
             SUM(${convertedCommitment("c", "'USD'")}) AS usd,
             SUM(${convertedCommitment("c", "'PHP'")}) AS php,
             bool_and(c.currency::text = $2 OR (c."statedEquivalentCurrency"::text = $2 AND c."statedEquivalent" IS NOT NULL)) AS as_stated,
             bool_or(c.approximate) AS approximate,
             min(c.kind::text) AS kind,
             string_agg(c.label, '; ' ORDER BY c.amount DESC) AS label,
             min(c."exchangeRate") AS rate, min(c."rateDate") AS rate_date, min(c."rateSource") AS rate_source,
             string_agg(DISTINCT src.title || ', ' || src.publisher || COALESCE(' (' || src.url || ')', ''), '; ') AS source
      FROM "FundingCommitment" c LEFT JOIN "Source" src ON src.id = c."sourceId"
      WHERE c."partnershipId" = $1 AND c."countsInTotals"
      GROUP BY 1, 2, 3
    ),
    valued AS (
      SELECT s.*,
             CASE WHEN $2 = 'USD' THEN s.usd ELSE s.php END AS value,
             CASE WHEN s.cur = 'USD' THEN s.usd ELSE s.php END AS own,
             LAG(CASE WHEN $2 = 'USD' THEN s.usd ELSE s.php END) OVER w AS prev_value,
             LAG(s.usd) OVER w AS prev_usd, LAG(s.php) OVER w AS prev_php,
             LEAST(GREATEST(${quarterIndex("EXTRACT(YEAR FROM s.stated_on)", "EXTRACT(QUARTER FROM s.stated_on)")}::int, b.first_idx), b.last_idx) AS idx
      FROM statements s CROSS JOIN bounds b
      WINDOW w AS (PARTITION BY s.fk, s.org ORDER BY s.stated_on)
    ),
    -- The previous statement in this statement's own currency, valued at this statement's rate.
    revalued AS (
      SELECT v.*,
             CASE WHEN v.prev_value IS NULL THEN 0
                  WHEN v.cur = $2 OR v.own = 0 THEN v.prev_value
                  ELSE round((CASE WHEN v.cur = 'USD' THEN v.prev_usd ELSE v.prev_php END) * v.value / v.own, 2) END AS prev_at_rate
      FROM valued v
    ),
    pledges AS (
      SELECT r.org, r.idx, r.stated_on,
             r.value - r.prev_at_rate AS pledged,
             r.prev_at_rate - COALESCE(r.prev_value, 0) AS restated,
             jsonb_build_object(
               'statedOn', to_char(r.stated_on, 'YYYY-MM-DD'), 'kind', r.kind, 'label', r.label,
               'amount', r.amount::numeric(18, 2)::text, 'currency', r.cur, 'approximate', r.approximate,
               'value', r.value::numeric(18, 2)::text, 'valueAsStated', r.as_stated,
               'exchangeRate', r.rate::text, 'rateDate', to_char(r.rate_date, 'YYYY-MM-DD'), 'rateSource', r.rate_source, 'source', r.source,
               'previousValue', r.prev_value::numeric(18, 2)::text,
               'newMoney', (r.value - r.prev_at_rate)::numeric(18, 2)::text,
               'restated', (r.prev_at_rate - COALESCE(r.prev_value, 0))::numeric(18, 2)::text
             ) AS basis
      FROM revalued r
    ),
    delivery_rows AS (
      SELECT d.*, ${quarterIndex("p.year", "p.quarter")} AS idx
      FROM "FundingDelivery" d JOIN "ReportingPeriod" p ON p.id = d."periodId" AND p."partnershipId" = $1
      WHERE d."partnershipId" = $1 AND ${countsAsDelivered("d")}
    ),
    deliveries AS (
      SELECT d."fromOrganizationId" AS org, d.idx, SUM(${converted("d")}) AS amount, bool_or(d.illustrative) AS illustrative
      FROM delivery_rows d GROUP BY 1, 2
    ),
    conversions AS (
      SELECT org, idx, jsonb_agg(jsonb_build_object('amount', amount::numeric(18, 2)::text, 'currency', currency, 'exchangeRate', rate::text, 'rateDate', rate_date)
                                 ORDER BY rate_date, rate) AS list
      FROM (SELECT d."fromOrganizationId" AS org, d.idx, d.currency::text AS currency, d."exchangeRate" AS rate,
                   to_char(d."rateDate", 'YYYY-MM-DD') AS rate_date, SUM(d.amount) AS amount
            FROM delivery_rows d WHERE d.currency::text <> $2 GROUP BY 1, 2, 3, 4, 5) x
      GROUP BY 1, 2
    ),
    parties AS (SELECT org FROM pledges UNION SELECT org FROM deliveries),
    grid AS (
      SELECT q.idx, pa.org,
             COALESCE((SELECT SUM(pledged) FROM pledges pl WHERE pl.org = pa.org AND pl.idx = q.idx), 0) AS pledged,
             COALESCE((SELECT SUM(restated) FROM pledges pl WHERE pl.org = pa.org AND pl.idx = q.idx), 0) AS restated,
             COALESCE((SELECT jsonb_agg(pl.basis ORDER BY pl.stated_on) FROM pledges pl WHERE pl.org = pa.org AND pl.idx = q.idx), '[]'::jsonb) AS basis,
             COALESCE(dl.amount, 0) AS delivered,
             COALESCE(dl.illustrative, false) AS illustrative,
             COALESCE(cv.list, '[]'::jsonb) AS conversions
      FROM quarters q CROSS JOIN parties pa
      LEFT JOIN deliveries dl ON dl.org = pa.org AND dl.idx = q.idx
      LEFT JOIN conversions cv ON cv.org = pa.org AND cv.idx = q.idx
    ),
    running AS (
      SELECT g.*, SUM(g.pledged + g.restated) OVER w AS cumulative_pledged, SUM(g.delivered) OVER w AS cumulative_delivered
      FROM grid g WINDOW w AS (PARTITION BY g.org ORDER BY g.idx)
    )
    SELECT ${quarterLabel("r.idx")} AS quarter,
           r.org AS "partyId", o."shortName" AS party,
           r.pledged::numeric(18, 2)::text AS pledged,
           r.restated::numeric(18, 2)::text AS restated,
           r.delivered::numeric(18, 2)::text AS delivered,
           r.cumulative_pledged::numeric(18, 2)::text AS "cumulativePledged",
           r.cumulative_delivered::numeric(18, 2)::text AS "cumulativeDelivered",
           r.illustrative,
           r.basis AS "pledgeBasis",
           r.conversions AS "deliveredConverted",
           r.cumulative_delivered > r.cumulative_pledged AS "deliveredExceedsPledged",
           CASE WHEN r.cumulative_delivered > r.cumulative_pledged THEN (
             SELECT jsonb_build_object('statedOn', to_char(n.stated_on, 'YYYY-MM-DD'), 'quarter', ${quarterLabel("n.idx")},
                                       'label', n.basis->>'label', 'value', n.basis->>'value')
             FROM pledges n WHERE n.org = r.org AND n.idx > r.idx ORDER BY n.stated_on LIMIT 1
           ) END AS "nextStatement"
    FROM running r JOIN "Organization" o ON o.id = r.org
    ORDER BY r.idx, o."shortName"`,
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
