import "server-only";
import type { Actor } from "../auth/permissions";
import { compareQuarters, formatQuarter, parseQuarter } from "../periods";
import type { DashboardFilters } from "../validation/dashboard-filters";
import { getDb } from "./db";
import { unsafeFundingByQuarter, unsafeFundingStatements, unsafeFundingTotals } from "./funding";
import { requirePartnership } from "./partnership-access";
import { unsafeIndicatorsWithoutYearTarget } from "./targets";
import { unsafeIndicatorQuarters, unsafeIndicatorSummaries, unsafeReportingGrid } from "./results";

export type PartnershipDashboard = Awaited<ReturnType<typeof getPartnershipDashboard>>;

const inRange = (quarter: string, from?: string, to?: string) => {
  const q = parseQuarter(quarter)!;
  const f = from ? parseQuarter(from) : null;
  const t = to ? parseQuarter(to) : null;
  return (!f || compareQuarters(q, f) >= 0) && (!t || compareQuarters(q, t) <= 0);
};

/**
 * Everything the overview of one partnership shows, for the filters in its URL.
 * The aggregations run in SQL (./funding.ts, ./results.ts); here rows are only picked.
 */
export async function getPartnershipDashboard(actor: Actor | null, slug: string, filters: DashboardFilters) {
  const ref = await requirePartnership(actor, slug);
  const db = getDb();
  // Side by side: each needs only the partnership's id, so none waits for the partnership's own row.
  const [partnership, totals, fundingQuarters, statements, indicators, grid, withoutYearTarget] = await Promise.all([
    db.partnership.findUniqueOrThrow({
      where: { id: ref.id },
      select: {
        slug: true,
        name: true,
        country: true,
        status: true,
        signedOn: true,
        endsOn: true,
        firstYear: true,
        firstQuarter: true,
        lastYear: true,
        lastQuarter: true,
        objectives: { orderBy: { sortOrder: "asc" }, select: { code: true, title: true } },
      },
    }),
    unsafeFundingTotals(db, ref.id, filters.currency),
    unsafeFundingByQuarter(db, ref.id, filters.currency),
    unsafeFundingStatements(db, ref.id),
    unsafeIndicatorSummaries(db, ref.id),
    unsafeReportingGrid(db, ref.id),
    unsafeIndicatorsWithoutYearTarget(db, ref.id),
  ]);

  const visibleIndicators = indicators.filter(
    (i) => (!filters.objective || i.objectiveCode === filters.objective) && (!filters.partner || i.responsibleId === filters.partner),
  );
  const chosen = indicators.find((i) => i.code === filters.indicator) ?? visibleIndicators.find((i) => i.unit !== "TEXT") ?? null;
  const chosenQuarters = chosen ? await unsafeIndicatorQuarters(db, ref.id, chosen.indicatorId) : [];
  const objectiveForPercent = filters.objective ?? chosen?.objectiveCode ?? partnership.objectives[0]?.code ?? null;

  const first = { year: partnership.firstYear, quarter: partnership.firstQuarter };
  const last = partnership.lastYear && partnership.lastQuarter ? { year: partnership.lastYear, quarter: partnership.lastQuarter } : first;
  const partners = [...new Map(indicators.map((i) => [i.responsibleId, i.responsible])).entries()].map(([id, name]) => ({ id, name }));

  return {
    partnership: {
      slug: partnership.slug,
      name: partnership.name,
      country: partnership.country,
      status: partnership.status,
      signedOn: partnership.signedOn.toISOString().slice(0, 10),
      endsOn: partnership.endsOn?.toISOString().slice(0, 10) ?? null,
      firstQuarter: formatQuarter(first),
      lastQuarter: formatQuarter(last),
      objectives: partnership.objectives,
    },
    partners,
    funding: {
      totals,
      quarters: fundingQuarters.filter((r) => inRange(r.quarter, filters.from, filters.to)),
      statements,
    },
    indicators: visibleIndicators,
    chosen: chosen ? { summary: chosen, quarters: chosenQuarters.filter((r) => inRange(r.quarter, filters.from, filters.to)) } : null,
    objectiveForPercent,
    percentOfTarget: indicators.filter((i) => i.objectiveCode === objectiveForPercent),
    grid: grid.filter((c) => inRange(c.quarter, filters.from, filters.to)),
    /** Per year of the partnership, the indicators that take a target but have no annual one (GAO's third recommendation). */
    annualTargets: { indicators: indicators.filter((i) => i.unit !== "TEXT").length, missing: withoutYearTarget },
  };
}
