import "server-only";
import type { Actor } from "../auth/permissions";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { unsafeReportingGrid } from "./results";

/** Every quarter × reporting organization of a partnership, newest quarter first. */
export async function getReportingOverview(actor: Actor | null, slug: string) {
  const partnership = await requirePartnership(actor, slug);
  const cells = await unsafeReportingGrid(getDb(), partnership.id);
  return { partnership: { slug: partnership.slug, name: partnership.name }, cells: cells.reverse() };
}
