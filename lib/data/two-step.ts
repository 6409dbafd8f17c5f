import "server-only";
import QRCode from "qrcode";
import { requirePermission } from "../auth/guard";
import type { Actor } from "../auth/permissions";
import { matchingStep, newRecoveryCodes, newTotpKey, recoveryCodeHash, totpAddress, twoStepRequired } from "../auth/totp";
import { AppError } from "../errors";
import { recordAudit } from "./audit";
import { getDb } from "./db";

// Setting up two-step sign-in from "Your account": a key (shown as a QR code and as text) is
// kept on the user until a code from it is entered; then it is on, with ten recovery codes shown
// once and stored hashed. Signing in with it: lib/data/sign-in.ts.

export interface TwoStepState {
  required: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** While setting up: the key, as text and as a QR code (a PNG data address). */
  pending: { key: string; qrCode: string } | null;
}

export async function getTwoStep(actor: Actor | null): Promise<TwoStepState> {
  const self = requirePermission(actor, "account.manage");
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: self.id },
    select: { email: true, totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  const pending =
    user.totpSecret && !user.totpEnabledAt
      ? { key: user.totpSecret, qrCode: await QRCode.toDataURL(totpAddress(user.email, user.totpSecret), { margin: 1, width: 240 }) }
      : null;
  return { required: twoStepRequired(self.role), enabledAt: user.totpEnabledAt?.toISOString() ?? null, recoveryCodesLeft: user._count.recoveryCodes, pending };
}

/** Starts setting up: a new key replaces any earlier one that was never confirmed. */
export async function startTwoStep(actor: Actor | null): Promise<void> {
  const self = requirePermission(actor, "account.manage");
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: self.id }, select: { totpEnabledAt: true } });
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already on for your account.");
    await tx.user.update({ where: { id: self.id }, data: { totpSecret: newTotpKey() } });
    await recordAudit(tx, self, { action: "user.two_step_started", entityType: "User", entityId: self.id });
  });
}

/** Turns it on with a code from the app; returns the recovery codes, which are shown only now. */
export async function confirmTwoStep(actor: Actor | null, input: { code: string }): Promise<string[]> {
  const self = requirePermission(actor, "account.manage");
  const codes = newRecoveryCodes();
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: self.id }, select: { totpSecret: true, totpEnabledAt: true } });
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already on for your account.");
    if (!user.totpSecret) throw new AppError("CONFLICT", "Start setting up two-step sign-in first.");
    const step = matchingStep(input.code, user.totpSecret);
    if (step === null) {
      throw new AppError("VALIDATION", "Some fields need attention: see the messages under them.", {
        code: ["That is not the code the app shows now. Check that your phone's clock is right, then enter the newest code."],
      });
    }
    await tx.user.update({ where: { id: self.id }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: self.id } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId: self.id, codeHash: recoveryCodeHash(code) })) });
    await recordAudit(tx, self, { action: "user.two_step_enabled", entityType: "User", entityId: self.id });
  });
  return codes;
}
