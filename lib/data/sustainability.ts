import "server-only";
import { requirePermission } from "../auth/guard";
import { can, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { SaveSustainability } from "../validation/sustainability";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import type { Tx } from "./prisma";

// What continues of each objective after the partnership ends, who carries it, and which of its
// indicators keep being reported. The partner government writes it (its own encoders); everyone
// who sees the dashboard reads it, and the dialogue pack carries it.

export interface SustainabilityObjective {
  code: string;
  title: string;
  indicators: { code: string; name: string }[];
  plan: null | { continues: string; carriedBy: string; indicatorsKept: string[]; illustrative: boolean; updatedAt: string };
}

/** The partnership's partner government (the organization that writes the plan), or null. */
async function partnerGovernment(tx: Tx, partnershipId: string) {
  return tx.organization.findFirst({
    where: { kind: "PARTNER_GOVERNMENT", memberships: { some: { partnershipId } } },
    select: { id: true, shortName: true },
  });
}

export async function getSustainability(actor: Actor | null, slug: string) {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const government = await partnerGovernment(db, partnership.id);
  const objectives = await db.objective.findMany({
    where: { partnershipId: partnership.id },
    orderBy: { sortOrder: "asc" },
    select: {
      code: true,
      title: true,
      indicators: { orderBy: { sortOrder: "asc" }, select: { code: true, name: true } },
      sustainability: { select: { continues: true, carriedBy: true, indicatorsKept: true, illustrative: true, updatedAt: true } },
    },
  });
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    government: government?.shortName ?? null,
    canEdit: actor !== null && government !== null && can(actor, "sustainability.edit", { partnershipId: partnership.id, organizationId: government.id }),
    objectives: objectives.map((o): SustainabilityObjective => ({
      code: o.code,
      title: o.title,
      indicators: o.indicators,
      plan: o.sustainability ? { ...o.sustainability, updatedAt: o.sustainability.updatedAt.toISOString() } : null,
    })),
  };
}

/** The partner government writes (or rewrites) one objective's plan; audited with before and after. */
export async function saveSustainabilityPlan(actor: Actor | null, input: SaveSustainability): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const partnership = await tx.partnership.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (!partnership) throw new AppError("NOT_FOUND", "There is no partnership at this address.");
    const government = await partnerGovernment(tx, partnership.id);
    if (!government) throw new AppError("CONFLICT", "This partnership has no partner government recorded, so nobody can write its sustainability plan.");
    const writer = requirePermission(actor, "sustainability.edit", { partnershipId: partnership.id, organizationId: government.id });
    const objective = await tx.objective.findUnique({
      where: { partnershipId_code: { partnershipId: partnership.id, code: input.objectiveCode } },
      select: { id: true, indicators: { select: { code: true } }, sustainability: true },
    });
    if (!objective) throw new AppError("NOT_FOUND", `There is no objective ${input.objectiveCode} in this partnership.`);
    const foreign = input.indicatorsKept.filter((code) => !objective.indicators.some((i) => i.code === code));
    if (foreign.length > 0) {
      throw new AppError("VALIDATION", "Choose indicators of this objective.", {
        indicatorsKept: [`Not an indicator of ${input.objectiveCode}: ${foreign.join(", ")}.`],
      });
    }
    const data = {
      continues: input.continues,
      carriedBy: input.carriedBy,
      indicatorsKept: [...new Set(input.indicatorsKept)].sort(),
      illustrative: false,
      updatedById: writer.id,
    };
    const saved = await tx.sustainabilityPlan.upsert({
      where: { objectiveId: objective.id },
      create: { ...data, partnershipId: partnership.id, objectiveId: objective.id },
      update: data,
    });
    const shape = (p: { continues: string; carriedBy: string; indicatorsKept: string[] }) => ({
      objective: input.objectiveCode,
      continues: p.continues,
      carriedBy: p.carriedBy,
      indicatorsKept: p.indicatorsKept,
    });
    await recordAudit(tx, writer, {
      action: "sustainability.save",
      entityType: "SustainabilityPlan",
      entityId: saved.id,
      partnershipId: partnership.id,
      before: objective.sustainability ? shape(objective.sustainability) : null,
      after: shape(data),
    });
  });
}
