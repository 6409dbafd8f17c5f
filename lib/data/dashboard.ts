import "server-only";
import type { Actor } from "../auth/permissions";
import { scopeOf } from "../auth/permissions";
import { AppError } from "../errors";
import { getDb } from "./db";
import { unsafeFundingTotals } from "./funding";
import { unsafeIndicatorSummaries, unsafeReportingGrid, type ReportingCell } from "./results";

export interface DashboardPartnership {
  slug: string;
  name: string;
  country: string;
  status: "PLANNED" | "ACTIVE" | "CONCLUDED";
  signedOn: string;
  endsOn: string | null;
  committedUsd: string;
  deliveredUsd: string;
  illustrative: boolean;
  targetsMet: number;
  targetsSet: number;
  latestQuarter: { quarter: string; statuses: { organization: string; status: ReportingCell["status"] }[] } | null;
}

const addDecimals = (values: string[]) => {
  // Sums of cents as integers, so no float touches the money.
  const cents = values.reduce((sum, v) => sum + BigInt(v.replace(".", "")), 0n);
  const text = cents.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

/** The partnerships the actor may see, with their money, targets met and latest reporting. */
export async function listDashboardPartnerships(actor: Actor | null): Promise<DashboardPartnership[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const scope = scopeOf(actor.role, "dashboard.view");
  if (scope === null) return [];
  const db = getDb();
  const rows = await db.partnership.findMany({
    where: scope === "any" ? {} : { id: { in: actor.partnershipIds } },
    orderBy: { signedOn: "asc" },
    select: { id: true, slug: true, name: true, country: true, status: true, signedOn: true, endsOn: true },
  });
  return Promise.all(
    rows.map(async (r) => {
      const [totals, indicators, grid] = await Promise.all([
        unsafeFundingTotals(db, r.id, "USD"),
        unsafeIndicatorSummaries(db, r.id),
        unsafeReportingGrid(db, r.id),
      ]);
      const withTargets = indicators.filter((i) => i.percentOfTarget !== null);
      const lastQuarter = grid.at(-1)?.quarter;
      return {
        slug: r.slug,
        name: r.name,
        country: r.country,
        status: r.status,
        signedOn: r.signedOn.toISOString().slice(0, 10),
        endsOn: r.endsOn?.toISOString().slice(0, 10) ?? null,
        committedUsd: addDecimals(totals.map((t) => t.committed)),
        deliveredUsd: addDecimals(totals.map((t) => t.delivered)),
        illustrative: totals.some((t) => t.deliveredIllustrative) || indicators.some((i) => i.actualIllustrative),
        targetsMet: withTargets.filter((i) => Number(i.percentOfTarget) >= 100).length,
        targetsSet: withTargets.length,
        latestQuarter: lastQuarter
          ? { quarter: lastQuarter, statuses: grid.filter((c) => c.quarter === lastQuarter).map((c) => ({ organization: c.organization, status: c.status })) }
          : null,
      };
    }),
  );
}
