import "server-only";
import { headers } from "next/headers";
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

/**
 * The client address of the request being handled, as the production server resolved it into
 * X-Forwarded-For (scripts/lib/client-address.ts); null outside a request (seeding, scripts).
 */
export async function requestAddress(): Promise<string | null> {
  try {
    return (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  } catch {
    return null;
  }
}

/**
 * Records an audit event inside the caller's transaction, so it commits with the change or not
 * at all, with the client address of the request it was made in.
 */
export async function recordAudit(tx: Tx, actor: Pick<Actor, "id" | "email"> | null, entry: AuditEntry) {
  const ipAddress = entry.ipAddress ?? (await requestAddress());
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      partnershipId: entry.partnershipId ?? null,
      ipAddress,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
