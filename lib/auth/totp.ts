// Two-step sign-in with an authenticator app (TOTP, RFC 6238: 30-second steps, 6 digits, SHA-1,
// which every authenticator app supports), through otplib, and one-time recovery codes.
import { createHash, randomBytes } from "node:crypto";
import { authenticator } from "otplib";

export const TOTP_ISSUER = "Compact Tracker";
const STEP_SECONDS = 30;
// A code of the step before or after is accepted too: a phone's clock may be off by that much.
const totp = authenticator.clone({ window: 1 });

/** Roles that must use two-step sign-in: they approve what is published, or manage users. */
export const TWO_STEP_REQUIRED = ["ADMIN", "REVIEWER"] as const;
export const twoStepRequired = (role: string) => (TWO_STEP_REQUIRED as readonly string[]).includes(role);
export const TWO_STEP_MISSING = "Set up two-step sign-in under Your account first: administrators and reviewers need it before they can do anything else.";

export const newTotpKey = () => totp.generateSecret(20);

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpAddress = (email: string, key: string) => totp.keyuri(email, TOTP_ISSUER, key);

/** The time step a code belongs to (one step either side of now), or null when it matches none. */
export function matchingStep(code: string, key: string, now = Date.now()): number | null {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp.clone({ epoch: now }).checkDelta(digits, key);
  return delta === null ? null : Math.floor(now / 1000 / STEP_SECONDS) + delta;
}

// Recovery codes: 10, each 12 characters from an alphabet without look-alikes (60 bits).
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODES = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const chars = [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Stored in place of a recovery code: as typed, without case, spaces or dashes. */
export const recoveryCodeHash = (code: string) => createHash("sha256").update(code.toLowerCase().replace(/[\s-]/g, "")).digest("hex");
