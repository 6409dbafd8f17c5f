import "server-only";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";

/** The links of a partnership's signed-in pages that this user may open. */
export async function partnershipNavigation(actor: Actor | null, slug: string) {
  const partnership = await requirePartnership(actor, slug);
  const objectives = await getDb().objective.findMany({
    where: { partnershipId: partnership.id },
    orderBy: { sortOrder: "asc" },
    select: { code: true, title: true },
  });
  const base = `/dashboard/${partnership.slug}`;
  const audit = actor !== null && can(actor, "audit.view", { partnershipId: partnership.id });
  return {
    name: partnership.name,
    links: [
      { href: base, label: "Overview" },
      { href: `${base}/reports`, label: "Quarter reports" },
      { href: `${base}/targets`, label: "Targets" },
      { href: `${base}/contributions`, label: "Government contributions" },
      { href: `${base}/dialogues`, label: "Dialogues" },
      { href: `${base}/sustainability`, label: "Sustainability" },
      ...(audit ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
      { href: `${base}/releases`, label: "Public releases" },
    ],
    objectives: objectives.map((o) => ({ href: `${base}/objectives/${o.code}`, label: `${o.code} ${o.title}` })),
  };
}
