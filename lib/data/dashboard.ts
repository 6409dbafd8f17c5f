import "server-only";
import type { Actor } from "../auth/permissions";
import { scopeOf } from "../auth/permissions";
import { AppError } from "../errors";
import { getDb } from "./db";
import { unsafePartnershipFundingTotal } from "./funding";
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
      const [funding, indicators, grid] = await Promise.all([
        unsafePartnershipFundingTotal(db, r.id, "USD"),
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
        committedUsd: funding.committed,
        deliveredUsd: funding.delivered,
        illustrative: funding.illustrative || indicators.some((i) => i.actualIllustrative),
        targetsMet: withTargets.filter((i) => Number(i.percentOfTarget) >= 100).length,
        targetsSet: withTargets.length,
        latestQuarter: lastQuarter
          ? { quarter: lastQuarter, statuses: grid.filter((c) => c.quarter === lastQuarter).map((c) => ({ organization: c.organization, status: c.status })) }
          : null,
      };
    }),
  );
}
