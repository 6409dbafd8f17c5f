import "server-only";
import { requirePermission } from "../auth/guard";
import type { Action, Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { isSlug } from "../validation/text";
import { getDb } from "./db";

export interface PartnershipRef {
  id: string;
  slug: string;
  name: string;
  country: string;
}

/** The partnership by its slug, if the actor may take the action on it. */
export async function requirePartnership(actor: Actor | null, slug: string, action: Action = "dashboard.view"): Promise<PartnershipRef> {
  if (!isSlug(slug)) throw new AppError("NOT_FOUND", "There is no partnership at this address.");
  const partnership = await getDb().partnership.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, country: true },
  });
  if (!partnership) throw new AppError("NOT_FOUND", "There is no partnership at this address.");
  requirePermission(actor, action, { partnershipId: partnership.id });
  return partnership;
}
