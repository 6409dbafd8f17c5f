import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/permissions";
import type { Tx } from "./prisma";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  partnershipId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ipAddress?: string | null;
}

/** Records an audit event inside the caller's transaction, so it commits with the change or not at all. */
export async function recordAudit(tx: Tx, actor: Pick<Actor, "id" | "email"> | null, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      partnershipId: entry.partnershipId ?? null,
      ipAddress: entry.ipAddress ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
