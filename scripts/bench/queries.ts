// The dashboard's aggregations, timed on one partnership of typical size (scale-00001: 5,000
// measurements) while the database around it grows. These are the functions the pages call.
import type { Db } from "../../lib/data/prisma";
import { unsafeFundingByQuarter, unsafeFundingTotals } from "../../lib/data/funding";
import { unsafeIndicatorQuarters, unsafeIndicatorSummaries, unsafeReportingGrid } from "../../lib/data/results";
import { time, type Timing } from "./stats";

export const BENCH_PARTNERSHIP = "scale-00001";

export const QUERIES = [
  "funding by quarter, cumulative (USD)",
  "funding totals by party (PHP)",
  "results against targets",
  "one indicator by quarter, cumulative",
  "reporting grid",
] as const;
export type QueryName = (typeof QUERIES)[number];

export async function timeQueries(db: Db, options = { warmup: 5, runs: 40 }): Promise<Record<QueryName, Timing>> {
  const partnership = await db.partnership.findUniqueOrThrow({ where: { slug: BENCH_PARTNERSHIP }, select: { id: true } });
  const indicator = await db.indicator.findFirstOrThrow({
    where: { objective: { partnershipId: partnership.id }, aggregation: "SUM" },
    orderBy: { code: "asc" },
    select: { id: true },
  });
  const id = partnership.id;
  const work: Record<QueryName, () => Promise<unknown>> = {
    "funding by quarter, cumulative (USD)": () => unsafeFundingByQuarter(db, id, "USD"),
    "funding totals by party (PHP)": () => unsafeFundingTotals(db, id, "PHP"),
    "results against targets": () => unsafeIndicatorSummaries(db, id),
    "one indicator by quarter, cumulative": () => unsafeIndicatorQuarters(db, id, indicator.id),
    "reporting grid": () => unsafeReportingGrid(db, id),
  };
  const results = {} as Record<QueryName, Timing>;
  for (const name of QUERIES) results[name] = await time(work[name], options);
  return results;
}
