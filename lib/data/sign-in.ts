import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { decoyPasswordHash, verifyPassword } from "../auth/password";
import { matchingStep, recoveryCodeHash } from "../auth/totp";
import type { Actor } from "../auth/permissions";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { rateLimitStore } from "./rate-limit-store";
import { loadActor } from "./users";

// Brute-force limits, kept in PostgreSQL so they hold across server instances:
// 10 consecutive failures lock an account for 15 minutes; 100 attempts a day from one address
// are all it gets. A success clears the account's count.
export const ACCOUNT_FAILURES_ALLOWED = 10;
export const ACCOUNT_LOCK_SECONDS = 15 * 60;
export const ADDRESS_ATTEMPTS_PER_DAY = 100;

const globalForLimits = globalThis as unknown as {
  signInLimits?: { byAccount: RateLimiterPostgres; byAddress: RateLimiterPostgres };
};

function limits() {
  if (!globalForLimits.signInLimits) {
    const common = rateLimitStore();
    globalForLimits.signInLimits = {
      // The 10th failure consumes the last point and blocks the key.
      byAccount: new RateLimiterPostgres({
        ...common,
        keyPrefix: "account",
        points: ACCOUNT_FAILURES_ALLOWED - 1,
        duration: 24 * 60 * 60,
        blockDuration: ACCOUNT_LOCK_SECONDS,
      }),
      byAddress: new RateLimiterPostgres({ ...common, keyPrefix: "address", points: ADDRESS_ATTEMPTS_PER_DAY, duration: 24 * 60 * 60 }),
    };
  }
  return globalForLimits.signInLimits;
}

export type SignInOutcome =
  | { ok: true; actor: Actor }
  | { ok: false; reason: "WRONG_CREDENTIALS" }
  | { ok: false; reason: "TWO_STEP_REQUIRED" }
  | { ok: false; reason: "WRONG_TWO_STEP_CODE" }
  | { ok: false; reason: "ACCOUNT_LOCKED" | "ADDRESS_LIMITED"; retryAfterSeconds: number };

const accountKey = (email: string) => createHash("sha256").update(email).digest("hex");
const waitSeconds = (res: RateLimiterRes | null) => Math.max(1, Math.ceil((res?.msBeforeNext ?? 0) / 1000));

async function recordSignIn(email: string, actor: Actor | null, ipAddress: string, outcome: string) {
  await getDb().$transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: actor ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "User",
      entityId: actor?.id ?? null,
      ipAddress,
      after: { email, outcome },
    });
    if (actor) await tx.user.update({ where: { id: actor.id }, data: { lastSignInAt: new Date() } });
  });
}

/** No address is longer (RFC 5321); passphrases go far beyond what anyone types. */
export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 1024;

/**
 * Public: checks an email and password, within the brute-force limits, and audits the attempt.
 * Input beyond the bounds cannot be an account's, so it is refused before anything is written.
 */
export async function signInWithPassword(rawEmail: string, password: string, ipAddress: string, twoStepCode = ""): Promise<SignInOutcome> {
  const email = rawEmail.trim().toLowerCase();
  if (email.length > EMAIL_MAX || password.length > PASSWORD_MAX) return { ok: false, reason: "WRONG_CREDENTIALS" };
  const { byAccount, byAddress } = limits();
  const key = accountKey(email);

  const locked = await byAccount.get(key);
  if (locked && locked.consumedPoints > ACCOUNT_FAILURES_ALLOWED - 1) {
    await recordSignIn(email, null, ipAddress, "refused: account locked");
    return { ok: false, reason: "ACCOUNT_LOCKED", retryAfterSeconds: waitSeconds(locked) };
  }
  try {
    await byAddress.consume(ipAddress);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    await recordSignIn(email, null, ipAddress, "refused: address limit");
    return { ok: false, reason: "ADDRESS_LIMITED", retryAfterSeconds: waitSeconds(error) };
  }

  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabled: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  // With two-step sign-in on, the right password asks for the code (it counts as no failure);
  // a wrong code counts as a failed attempt, like a wrong password.
  let wrongCode = false;
  let outcome = "success";
  if (user && matches && !user.disabled && user.totpEnabledAt && user.totpSecret) {
    if (twoStepCode.trim() === "") return { ok: false, reason: "TWO_STEP_REQUIRED" };
    const accepted = await acceptTwoStepCode(user.id, user.totpSecret, user.totpLastStep, twoStepCode);
    wrongCode = accepted === null;
    if (accepted === "recovery") outcome = "success with a recovery code";
  }
  if (user && matches && !user.disabled && !wrongCode) {
    await byAccount.delete(key);
    const actor = await loadActor(user.id);
    if (actor) {
      await recordSignIn(email, actor, ipAddress, outcome);
      return { ok: true, actor };
    }
  }

  let after: RateLimiterRes | null = null;
  try {
    after = await byAccount.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    after = error;
  }
  const nowLocked = after.consumedPoints > ACCOUNT_FAILURES_ALLOWED - 1;
  const failure = user?.disabled && matches ? "failure: account disabled" : wrongCode ? "failure: wrong two-step code" : "failure: wrong email or password";
  await recordSignIn(email, null, ipAddress, failure);
  if (nowLocked) return { ok: false, reason: "ACCOUNT_LOCKED", retryAfterSeconds: waitSeconds(after) };
  return { ok: false, reason: wrongCode ? "WRONG_TWO_STEP_CODE" : "WRONG_CREDENTIALS" };
}

/**
 * A code from the authenticator app, accepted once: its time step must be later than the last
 * one accepted (set in the same statement, so two requests cannot both use it). Or an unused
 * recovery code, spent.
 */
async function acceptTwoStepCode(userId: string, key: string, lastStep: number, code: string): Promise<"app" | "recovery" | null> {
  if (code.length > 64) return null;
  const step = matchingStep(code, key);
  if (step !== null) {
    if (step <= lastStep) return null;
    const taken = await getDb().user.updateMany({ where: { id: userId, totpLastStep: { lt: step } }, data: { totpLastStep: step } });
    return taken.count === 1 ? "app" : null;
  }
  const spent = await getDb().recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1 ? "recovery" : null;
}
