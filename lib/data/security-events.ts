import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "../auth/permissions";
import { recordAudit, requestAddress } from "./audit";
import { getDb } from "./db";
import { rateLimitStore } from "./rate-limit-store";

// Refused requests (no session, or a role or reach that does not allow it) are security events:
// each is audited as "security.refused" with who, what and from where. At most
// REFUSALS_RECORDED_PER_MINUTE a minute from one address are written, so a flood of refusals
// cannot flood the insert-only log; the limit is kept in PostgreSQL, across instances.
export const REFUSALS_RECORDED_PER_MINUTE = 20;

const globalForRefusals = globalThis as unknown as { refusalLimit?: RateLimiterPostgres };

function refusalLimit() {
  globalForRefusals.refusalLimit ??= new RateLimiterPostgres({
    ...rateLimitStore(),
    keyPrefix: "refusal",
    points: REFUSALS_RECORDED_PER_MINUTE,
    duration: 60,
  });
  return globalForRefusals.refusalLimit;
}

export interface Refusal {
  /** What was asked for: a server action's permission, or a route's method and path. */
  what: string;
  /** No session, no permission, or (changing one's own password) a wrong current password. */
  code: "UNAUTHENTICATED" | "FORBIDDEN" | "WRONG_CURRENT_PASSWORD";
  message: string;
}

/** Audits a refusal; never fails the request it refuses (a problem is logged instead). */
export async function recordRefusal(actor: Pick<Actor, "id" | "email"> | null, refusal: Refusal): Promise<void> {
  try {
    const ipAddress = (await requestAddress()) ?? "unknown";
    try {
      await refusalLimit().consume(ipAddress);
    } catch (error) {
      if (error instanceof RateLimiterRes) return;
      throw error;
    }
    await getDb().$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "security.refused",
        entityType: "Request",
        ipAddress,
        after: { what: refusal.what, code: refusal.code, message: refusal.message },
      }),
    );
  } catch (error) {
    console.error("[security] could not record a refusal", error);
  }
}
