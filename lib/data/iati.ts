import "server-only";
// A release as an IATI 2.03 activity file (lib/iati/activity.ts). What the file adds up (each
// indicator's actual per year by its own rule, the U.S. commitments per year) is added up in SQL
// over the release's own JSON, so the file holds nothing the release did not.
import { iatiActivities, type BudgetYear, type FundingQuarter, type IndicatorYear } from "../iati/activity";
import type { PublicRelease } from "../releases/content";
import { getDb } from "./db";
import { appUrl } from "./notifications";
import { getLatestRelease, getRelease } from "./releases";

/**
 * Each party's quarters from a release's JSON ($1): new money, the change from restating earlier
 * pledges at a new rate (the rise of the running total beyond the new money, so that commitments
 * add up to the total committed), and what was delivered.
 */
const fundingQuarters = `q AS (
  SELECT q->>'party' AS party, q->>'quarter' AS quarter, (q->>'pledged')::numeric AS pledged, (q->>'delivered')::numeric AS delivered,
         (q->>'cumulativePledged')::numeric
           - COALESCE(lag((q->>'cumulativePledged')::numeric) OVER (PARTITION BY q->>'party' ORDER BY q->>'quarter'), 0)
           - (q->>'pledged')::numeric AS restated,
         (q->>'illustrative')::boolean AS illustrative
  FROM jsonb_array_elements($1::jsonb->'funding'->'quarters') q
)`;

export async function iatiFigures(release: PublicRelease): Promise<{ years: IndicatorYear[]; budgets: BudgetYear[]; funding: FundingQuarter[] }> {
  const db = getDb();
  const content = JSON.stringify(release.summary);
  const years = await db.$queryRawUnsafe<IndicatorYear[]>(
    `WITH s AS (
       SELECT x->>'code' AS code, x->'quarters' AS quarters,
              COALESCE(x->>'aggregation', CASE x->>'unit' WHEN 'PERCENT' THEN 'LATEST' ELSE 'SUM' END) AS rule
       FROM jsonb_array_elements($1::jsonb->'results') x
       WHERE NOT (x->>'sensitive')::boolean
     ), q AS (
       SELECT s.code, s.rule, left(q->>'quarter', 4)::int AS year, q->>'quarter' AS quarter,
              (q->>'value')::numeric AS value, (q->>'illustrative')::boolean AS illustrative
       FROM s, jsonb_array_elements(s.quarters) q
     )
     SELECT code, year,
            trim_scale(CASE rule WHEN 'SUM' THEN SUM(value) WHEN 'MAX' THEN MAX(value)
                       ELSE (array_agg(value ORDER BY quarter DESC) FILTER (WHERE value IS NOT NULL))[1] END)::text AS actual,
            COALESCE(bool_or(illustrative) FILTER (WHERE value IS NOT NULL), false) AS illustrative
     FROM q GROUP BY code, rule, year ORDER BY code, year`,
    content,
  );
  const funding = await db.$queryRawUnsafe<FundingQuarter[]>(
    `WITH ${fundingQuarters}
     SELECT party, quarter, pledged::numeric(18, 2)::text AS pledged, restated::numeric(18, 2)::text AS restated,
            delivered::numeric(18, 2)::text AS delivered, illustrative
     FROM q WHERE pledged <> 0 OR restated <> 0 OR delivered <> 0
     ORDER BY quarter, party`,
    content,
  );
  const donor = release.summary.parties.find((p) => p.role === "DONOR")?.shortName ?? "";
  const budgets = await db.$queryRawUnsafe<BudgetYear[]>(
    `WITH ${fundingQuarters}
     SELECT left(quarter, 4)::int AS year, SUM(pledged + restated)::numeric(18, 2)::text AS amount
     FROM q WHERE party = $2
     GROUP BY 1 HAVING SUM(pledged + restated) <> 0 ORDER BY 1`,
    content,
    donor,
  );
  return { years, budgets, funding };
}

/** The IATI file of a partnership's latest release (number null) or of one release; null when there is none. */
export async function getIatiFile(slug: string, number: number | null): Promise<{ release: PublicRelease; xml: string } | null> {
  const release = number === null ? await getLatestRelease(slug) : await getRelease(slug, number);
  if (!release) return null;
  return { release, xml: iatiActivities({ release, ...(await iatiFigures(release)), publicUrl: `${appUrl().replace(/\/$/, "")}/api/public` }) };
}
