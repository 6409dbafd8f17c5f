import "server-only";
import type { Actor } from "../auth/permissions";
import { scopeOf } from "../auth/permissions";
import { AppError } from "../errors";
import { getDb } from "./db";

export interface DashboardPartnership {
  slug: string;
  name: string;
  country: string;
  status: "PLANNED" | "ACTIVE" | "CONCLUDED";
  signedOn: string;
  endsOn: string | null;
}

/** The partnerships the actor may see on the dashboard: all for admins, their own for others. */
export async function listDashboardPartnerships(actor: Actor | null): Promise<DashboardPartnership[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const scope = scopeOf(actor.role, "dashboard.view");
  if (scope === null) return [];
  const rows = await getDb().partnership.findMany({
    where: scope === "any" ? {} : { id: { in: actor.partnershipIds } },
    orderBy: { signedOn: "asc" },
    select: { slug: true, name: true, country: true, status: true, signedOn: true, endsOn: true },
  });
  return rows.map((r) => ({
    ...r,
    signedOn: r.signedOn.toISOString().slice(0, 10),
    endsOn: r.endsOn?.toISOString().slice(0, 10) ?? null,
  }));
}
