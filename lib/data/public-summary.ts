import "server-only";
import { unstable_cache } from "next/cache";
import type { CurrencyCode } from "../money";
import { formatQuarter } from "../periods";
import { suppressCount, suppressGroup } from "../suppression";
import { isSlug } from "../validation/text";
import { getDb } from "./db";
import { unsafeFundingByQuarter, unsafeFundingStatements, unsafeFundingTotals, type FundingStatement, type PartyTotal } from "./funding";
import { unsafeIndicatorQuarters, unsafeIndicatorSummaries } from "./results";

// Public: what the summary page and its open-data downloads show, built in one place so the
// page, the JSON and the CSV carry exactly the same figures. Approved quarters only; small
// counts of sensitive indicators suppressed (lib/suppression.ts); breakdowns below national by
// quarter are never published; no names, notes or users.

export const PUBLIC_SUMMARY_TAG = "public-summary";

export interface PublicResultSeries {
  code: string;
  name: string;
  unit: string;
  responsible: string;
  sensitive: boolean;
  illustrative: boolean;
  total: string | null;
  quarters: { quarter: string; value: string | null }[];
}

export interface PublicSummary {
  partnership: {
    slug: string;
    name: string;
    formalTitle: string | null;
    country: string;
    status: string;
    summary: string;
    signedOn: string;
    endsOn: string | null;
    termNote: string | null;
    regions: string[];
    usLeadOffice: string;
    partnerLeadBody: string | null;
    firstQuarter: string;
    lastQuarter: string;
  };
  parties: { name: string; shortName: string; role: string }[];
  objectives: { code: string; title: string; description: string | null }[];
  milestones: { on: string; precision: string; title: string; source: string | null }[];
  headlineResults: {
    label: string;
    value: string;
    qualifier: string;
    organization: string | null;
    source: { title: string; publisher: string; publishedOn: string | null; url: string | null; note: string | null };
  }[];
  funding: {
    statements: FundingStatement[];
    totals: Record<CurrencyCode, PartyTotal[]>;
    quarters: {
      quarter: string;
      party: string;
      pledged: string;
      delivered: string;
      cumulativePledged: string;
      cumulativeDelivered: string;
      illustrative: boolean;
    }[];
  };
  results: PublicResultSeries[];
  illustrativeNote: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function buildPublicSummary(slug: string): Promise<PublicSummary | null> {
  const db = getDb();
  const p = await db.partnership.findUnique({
    where: { slug },
    include: {
      members: { include: { organization: true } },
      objectives: { orderBy: { sortOrder: "asc" } },
      milestones: { include: { source: true }, orderBy: { occurredOn: "asc" } },
      results: { include: { source: true, organization: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  if (!p) return null;
  const [statements, usd, php, quarters, indicators] = await Promise.all([
    unsafeFundingStatements(db, p.id),
    unsafeFundingTotals(db, p.id, "USD"),
    unsafeFundingTotals(db, p.id, "PHP"),
    unsafeFundingByQuarter(db, p.id, "USD"),
    unsafeIndicatorSummaries(db, p.id),
  ]);
  const results: PublicResultSeries[] = [];
  for (const indicator of indicators.filter((i) => i.unit !== "TEXT")) {
    const series = await unsafeIndicatorQuarters(db, p.id, indicator.indicatorId);
    const reported = series.filter((q) => q.actual !== null).map((q) => ({ key: q.quarter, value: Number(q.actual) }));
    const shown = indicator.sensitive ? new Map(suppressGroup(reported).map((c) => [c.key, c.shown])) : new Map(reported.map((c) => [c.key, String(c.value)]));
    results.push({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      responsible: indicator.responsible,
      sensitive: indicator.sensitive,
      illustrative: indicator.actualIllustrative,
      total: indicator.actual === null ? null : indicator.sensitive ? suppressCount(Number(indicator.actual)) : String(Number(indicator.actual)),
      quarters: series.map((q) => ({ quarter: q.quarter, value: shown.get(q.quarter) ?? null })),
    });
  }
  const first = formatQuarter({ year: p.firstYear, quarter: p.firstQuarter });
  return {
    partnership: {
      slug: p.slug,
      name: p.name,
      formalTitle: p.formalTitle,
      country: p.country,
      status: p.status,
      summary: p.summary,
      signedOn: iso(p.signedOn),
      endsOn: p.endsOn ? iso(p.endsOn) : null,
      termNote: p.termNote,
      regions: p.regions,
      usLeadOffice: p.usLeadOffice,
      partnerLeadBody: p.partnerLeadBody,
      firstQuarter: first,
      lastQuarter: p.lastYear && p.lastQuarter ? formatQuarter({ year: p.lastYear, quarter: p.lastQuarter }) : first,
    },
    parties: p.members.map((m) => ({ name: m.organization.name, shortName: m.organization.shortName, role: m.role })),
    objectives: p.objectives.map((o) => ({ code: o.code, title: o.title, description: o.description })),
    milestones: p.milestones.map((m) => ({
      on: iso(m.occurredOn),
      precision: m.precision,
      title: m.title,
      source: m.source ? `${m.source.title}, ${m.source.publisher}` : null,
    })),
    headlineResults: p.results.map((r) => ({
      label: r.label,
      value: String(Number(r.value)),
      qualifier: r.qualifier,
      organization: r.organization?.shortName ?? null,
      source: {
        title: r.source.title,
        publisher: r.source.publisher,
        publishedOn: r.source.publishedOn ? iso(r.source.publishedOn) : null,
        url: r.source.url,
        note: r.sourceNote,
      },
    })),
    funding: {
      statements,
      totals: { USD: usd, PHP: php },
      quarters: quarters.map((r) => ({
        quarter: r.quarter,
        party: r.party,
        pledged: r.pledged,
        delivered: r.delivered,
        cumulativePledged: r.cumulativePledged,
        cumulativeDelivered: r.cumulativeDelivered,
        illustrative: r.illustrative,
      })),
    },
    results,
    illustrativeNote:
      "Quarterly breakdowns, targets and deliveries marked illustrative were generated for demonstration: they add up to the published totals but were not published quarter by quarter.",
  };
}

/** Cached for every visitor; a quarter's approval or reopening refreshes it (revalidateTag). */
export const getPublicSummary = async (slug: string) =>
  // Only a well-formed address gets a cache entry.
  !isSlug(slug)
    ? null
    : unstable_cache(() => buildPublicSummary(slug), ["public-summary", slug], {
        tags: [PUBLIC_SUMMARY_TAG, `${PUBLIC_SUMMARY_TAG}:${slug}`],
        revalidate: 3600,
      })();

/** The same summary without the cache, for tests. (Public data: no permission to check.) */
export const buildPublicSummaryUncached = buildPublicSummary;
