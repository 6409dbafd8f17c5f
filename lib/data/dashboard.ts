import "server-only";
import type { Actor } from "../auth/permissions";
import { can, scopeOf } from "../auth/permissions";
import { AppError } from "../errors";
import { getDb } from "./db";
import { NO_FUNDING, unsafePartnershipFundingTotals } from "./funding";
import { unsafeReportingGridOf, unsafeResultsOverview, type ReportingCell } from "./results";

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
  /** May read the partnership's audit log. */
  canAudit: boolean;
  targetsMet: number;
  targetsSet: number;
  latestQuarter: { quarter: string; statuses: { organization: string; state: ReportingCell["state"] }[] } | null;
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
  const ids = rows.map((r) => r.id);
  // Three queries for the whole list, whatever its length (it ran three per partnership).
  const [funding, results, lastQuarters] = await Promise.all([
    unsafePartnershipFundingTotals(db, ids, "USD"),
    unsafeResultsOverview(db, ids),
    unsafeReportingGridOf(db, ids, { lastQuarterOnly: true }),
  ]);
  return rows.map((r) => {
    const money = funding.get(r.id) ?? NO_FUNDING;
    const result = results.get(r.id) ?? { targetsSet: 0, targetsMet: 0, illustrative: false };
    const latest = lastQuarters.filter((c) => c.partnershipId === r.id);
    return {
      slug: r.slug,
      name: r.name,
      country: r.country,
      status: r.status,
      signedOn: r.signedOn.toISOString().slice(0, 10),
      endsOn: r.endsOn?.toISOString().slice(0, 10) ?? null,
      committedUsd: money.committed,
      deliveredUsd: money.delivered,
      illustrative: money.illustrative || result.illustrative,
      canAudit: can(actor, "audit.view", { partnershipId: r.id }),
      targetsMet: result.targetsMet,
      targetsSet: result.targetsSet,
      latestQuarter:
        latest.length > 0 ? { quarter: latest[0]!.quarter, statuses: latest.map((c) => ({ organization: c.organization, state: c.state })) } : null,
    };
  });
}
