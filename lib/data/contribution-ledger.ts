import "server-only";
import type { Actor } from "../auth/permissions";
import { getDb } from "./db";
import { countsAsDelivered } from "./funding";
import { requirePartnership } from "./partnership-access";
import { partnershipBounds, quarterIndex, quarterLabel } from "./sql";

// The partner government's contribution ledger: every pledge it made and every contribution it
// delivered (cash or in kind), in PHP with the USD equivalent at the rate each was stated at and
// that rate's date, by quarter and to date against what it pledged. All sums in SQL.

export interface LedgerPledge {
  label: string;
  kind: string;
  statedOn: string;
  php: string;
  usd: string;
  /** True where the USD figure is the source's own statement, not converted here. */
  usdStated: boolean;
  exchangeRate: string;
  rateDate: string;
  approximate: boolean;
  /** The latest statement of its figure, counted in the pledged total. */
  counts: boolean;
  note: string | null;
  source: { title: string; url: string | null } | null;
  illustrative: boolean;
}

export interface LedgerContribution {
  quarter: string;
  kind: "DISBURSED" | "IN_KIND";
  php: string;
  usd: string;
  exchangeRate: string;
  rateDate: string;
  rateSource: string;
  /** The evidence: the note entered with it, and its published source where there is one. */
  note: string | null;
  source: { title: string; url: string | null } | null;
  illustrative: boolean;
  /** Counted once its quarter's report is approved; false while that report waits. */
  counted: boolean;
}

export interface LedgerQuarter {
  quarter: string;
  php: string;
  usd: string;
  cumulativePhp: string;
  cumulativeUsd: string;
}

export interface ContributionLedger {
  partnership: { slug: string; name: string };
  government: string | null;
  pledged: { php: string; usd: string };
  delivered: { php: string; usd: string; percentOfPledged: string | null };
  pledges: LedgerPledge[];
  contributions: LedgerContribution[];
  quarters: LedgerQuarter[];
}

const source = (title: string | null, url: string | null) => (title ? { title, url } : null);

export async function getContributionLedger(actor: Actor | null, slug: string): Promise<ContributionLedger> {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const government = await db.organization.findFirst({
    where: { kind: "PARTNER_GOVERNMENT", memberships: { some: { partnershipId: partnership.id } } },
    select: { id: true, shortName: true },
  });
  const empty = { php: "0.00", usd: "0.00" };
  if (!government) {
    return {
      partnership: { slug: partnership.slug, name: partnership.name },
      government: null,
      pledged: empty,
      delivered: { ...empty, percentOfPledged: null },
      pledges: [],
      contributions: [],
      quarters: [],
    };
  }
  const pledges = await db.$queryRaw<(LedgerPledge & { sourceTitle: string | null; sourceUrl: string | null })[]>`
    SELECT c.label, c.kind::text AS kind, to_char(c."statedOn", 'YYYY-MM-DD') AS "statedOn",
           (CASE WHEN c.currency = 'PHP' THEN c.amount WHEN c."statedEquivalentCurrency" = 'PHP' THEN c."statedEquivalent" ELSE round(c.amount * c."exchangeRate", 2) END)::text AS php,
           (CASE WHEN c.currency = 'USD' THEN c.amount WHEN c."statedEquivalentCurrency" = 'USD' THEN c."statedEquivalent" ELSE round(c.amount / c."exchangeRate", 2) END)::text AS usd,
           (c.currency = 'USD' OR c."statedEquivalentCurrency" = 'USD') AS "usdStated",
           trim_scale(c."exchangeRate")::text AS "exchangeRate", to_char(c."rateDate", 'YYYY-MM-DD') AS "rateDate", c.approximate,
           c."countsInTotals" AND c."statedOn" = max(c."statedOn") OVER (PARTITION BY c."figureKey") AS counts,
           c.note, s.title AS "sourceTitle", s.url AS "sourceUrl", c.illustrative
    FROM "FundingCommitment" c LEFT JOIN "Source" s ON s.id = c."sourceId"
    WHERE c."partnershipId" = ${partnership.id} AND c."fromOrganizationId" = ${government.id}
    ORDER BY c."statedOn", c.label`;
  const contributions = await db.$queryRawUnsafe<(LedgerContribution & { sourceTitle: string | null; sourceUrl: string | null })[]>(
    `SELECT p.year::text || 'Q' || p.quarter::text AS quarter, d.kind::text AS kind,
            (CASE WHEN d.currency = 'PHP' THEN d.amount ELSE round(d.amount * d."exchangeRate", 2) END)::text AS php,
            (CASE WHEN d.currency = 'USD' THEN d.amount ELSE round(d.amount / d."exchangeRate", 2) END)::text AS usd,
            trim_scale(d."exchangeRate")::text AS "exchangeRate", to_char(d."rateDate", 'YYYY-MM-DD') AS "rateDate", d."rateSource",
            d.note, s.title AS "sourceTitle", s.url AS "sourceUrl", d.illustrative, ${countsAsDelivered("d")} AS counted
     FROM "FundingDelivery" d JOIN "ReportingPeriod" p ON p.id = d."periodId" LEFT JOIN "Source" s ON s.id = d."sourceId"
     WHERE d."partnershipId" = $1 AND d."fromOrganizationId" = $2
     ORDER BY p.year, p.quarter, d.kind, d.id`,
    partnership.id,
    government.id,
  );
  const quarters = await db.$queryRawUnsafe<LedgerQuarter[]>(
    `WITH bounds AS (SELECT ${partnershipBounds} FROM "Partnership" WHERE id = $1),
     idx AS (SELECT generate_series(first_idx, last_idx) AS idx FROM bounds),
     per AS (
       SELECT ${quarterIndex("p.year", "p.quarter")} AS idx,
              SUM(CASE WHEN d.currency = 'PHP' THEN d.amount ELSE round(d.amount * d."exchangeRate", 2) END) AS php,
              SUM(CASE WHEN d.currency = 'USD' THEN d.amount ELSE round(d.amount / d."exchangeRate", 2) END) AS usd
       FROM "FundingDelivery" d JOIN "ReportingPeriod" p ON p.id = d."periodId"
       WHERE d."partnershipId" = $1 AND d."fromOrganizationId" = $2 AND ${countsAsDelivered("d")}
       GROUP BY 1)
     SELECT ${quarterLabel("idx.idx")} AS quarter,
            COALESCE(per.php, 0)::numeric(18, 2)::text AS php, COALESCE(per.usd, 0)::numeric(18, 2)::text AS usd,
            SUM(COALESCE(per.php, 0)) OVER (ORDER BY idx.idx)::numeric(18, 2)::text AS "cumulativePhp",
            SUM(COALESCE(per.usd, 0)) OVER (ORDER BY idx.idx)::numeric(18, 2)::text AS "cumulativeUsd"
     FROM idx LEFT JOIN per ON per.idx = idx.idx ORDER BY idx.idx`,
    partnership.id,
    government.id,
  );
  const [totals] = await db.$queryRawUnsafe<{ pledgedPhp: string; pledgedUsd: string; deliveredPhp: string; deliveredUsd: string; percent: string | null }[]>(
    `WITH latest AS (
       SELECT c.*, rank() OVER (PARTITION BY c."figureKey" ORDER BY c."statedOn" DESC) AS recency
       FROM "FundingCommitment" c WHERE c."partnershipId" = $1 AND c."fromOrganizationId" = $2 AND c."countsInTotals"),
     pledged AS (
       SELECT COALESCE(SUM(CASE WHEN currency = 'PHP' THEN amount WHEN "statedEquivalentCurrency" = 'PHP' THEN "statedEquivalent" ELSE round(amount * "exchangeRate", 2) END), 0) AS php,
              COALESCE(SUM(CASE WHEN currency = 'USD' THEN amount WHEN "statedEquivalentCurrency" = 'USD' THEN "statedEquivalent" ELSE round(amount / "exchangeRate", 2) END), 0) AS usd
       FROM latest WHERE recency = 1),
     delivered AS (
       SELECT COALESCE(SUM(CASE WHEN d.currency = 'PHP' THEN d.amount ELSE round(d.amount * d."exchangeRate", 2) END), 0) AS php,
              COALESCE(SUM(CASE WHEN d.currency = 'USD' THEN d.amount ELSE round(d.amount / d."exchangeRate", 2) END), 0) AS usd
       FROM "FundingDelivery" d WHERE d."partnershipId" = $1 AND d."fromOrganizationId" = $2 AND ${countsAsDelivered("d")})
     SELECT pledged.php::numeric(18, 2)::text AS "pledgedPhp", pledged.usd::numeric(18, 2)::text AS "pledgedUsd",
            delivered.php::numeric(18, 2)::text AS "deliveredPhp", delivered.usd::numeric(18, 2)::text AS "deliveredUsd",
            CASE WHEN pledged.php > 0 THEN round(delivered.php / pledged.php * 100, 1)::text END AS percent
     FROM pledged, delivered`,
    partnership.id,
    government.id,
  );
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    government: government.shortName,
    pledged: { php: totals!.pledgedPhp, usd: totals!.pledgedUsd },
    delivered: { php: totals!.deliveredPhp, usd: totals!.deliveredUsd, percentOfPledged: totals!.percent },
    pledges: pledges.map(({ sourceTitle, sourceUrl, ...p }) => ({ ...p, source: source(sourceTitle, sourceUrl) })),
    contributions: contributions.map(({ sourceTitle, sourceUrl, ...c }) => ({ ...c, source: source(sourceTitle, sourceUrl) })),
    quarters,
  };
}
