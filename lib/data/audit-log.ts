import "server-only";
import type { Actor } from "../auth/permissions";
import { parseQuarter } from "../periods";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { Prisma } from "../generated/prisma/client";
import { periodLabel } from "./sql";

export interface AuditFilters {
  quarter?: string;
  user?: string;
  entity?: string;
}

export interface AuditRow {
  id: string;
  occurredAt: string;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  quarter: string | null;
  before: unknown;
  after: unknown;
}

/** A partnership's audit events, newest first, filtered by quarter, user and entity type. */
export async function listAuditEvents(actor: Actor | null, slug: string, filters: AuditFilters) {
  const partnership = await requirePartnership(actor, slug, "audit.view");
  const quarter = filters.quarter ? parseQuarter(filters.quarter) : null;
  const rows = await getDb().$queryRaw<AuditRow[]>`
    SELECT e.id::text AS id, to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
           e."actorEmail" AS actor, e.action, e."entityType", e."entityId",
           CASE WHEN p.id IS NULL THEN NULL ELSE ${Prisma.raw(periodLabel("p"))} END AS quarter,
           e.before, e.after
    FROM "AuditEvent" e
    LEFT JOIN "Submission" s ON e."entityType" = 'Submission' AND s.id = e."entityId"
    LEFT JOIN "ReportingPeriod" p ON p.id = s."periodId"
    WHERE e."partnershipId" = ${partnership.id}
      AND (${quarter?.year ?? null}::int IS NULL OR (p.year = ${quarter?.year ?? null}::int AND p.quarter = ${quarter?.quarter ?? null}::int))
      AND (${filters.user ?? null}::text IS NULL OR e."actorEmail" = ${filters.user ?? null}::text)
      AND (${filters.entity ?? null}::text IS NULL OR e."entityType" = ${filters.entity ?? null}::text)
    ORDER BY e."occurredAt" DESC, e.id DESC
    LIMIT 500`;
  const users = await getDb().$queryRaw<{ email: string }[]>`
    SELECT DISTINCT "actorEmail" AS email FROM "AuditEvent" WHERE "partnershipId" = ${partnership.id} AND "actorEmail" IS NOT NULL ORDER BY 1`;
  return { partnership: { slug: partnership.slug, name: partnership.name }, rows, users: users.map((u) => u.email) };
}
