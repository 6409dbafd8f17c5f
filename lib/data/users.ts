import "server-only";
import { requirePermission } from "../auth/guard";
import { hashPassword, verifyPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-strength";
import { twoStepRequired } from "../auth/totp";
import type { Actor, Role } from "../auth/permissions";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { accountEvent } from "../notifications/events";
import { recordAudit } from "./audit";
import { recordRefusal } from "./security-events";
import { getDb } from "./db";
import { queueMails } from "./job-queue";
import { notify } from "./notifications";
import type { Tx } from "./prisma";

/** Unchecked: the acting user behind a session, or null when disabled or gone. */
export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organizationId: true,
      disabled: true,
      sessionVersion: true,
      totpEnabledAt: true,
      partnerships: { select: { partnershipId: true } },
    },
  });
  if (!user || user.disabled) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    partnershipIds: user.partnerships.map((p) => p.partnershipId),
    needsTwoStep: twoStepRequired(user.role) && user.totpEnabledAt === null,
  };
}

/**
 * Unchecked: whether a session token still stands: its user exists and is enabled, has the
 * access it signed in with (sessionVersion), and the session was not signed out.
 */
export async function sessionStands(token: { uid?: string; sessionVersion?: number; sid?: string }): Promise<boolean> {
  if (!token.uid || !token.sid) return false;
  const [user, revoked] = await Promise.all([
    getDb().user.findUnique({ where: { id: token.uid }, select: { disabled: true, sessionVersion: true } }),
    getDb().revokedSession.findUnique({ where: { id: token.sid }, select: { id: true } }),
  ]);
  return user !== null && !user.disabled && user.sessionVersion === token.sessionVersion && revoked === null;
}

/**
 * Unchecked (next-auth calls it on sign-out with the session's own token): refuses the session
 * from now on, on every instance, and audits the sign-out. Rows of sessions that have expired
 * anyway are deleted on the way.
 */
export async function revokeSession(token: { uid?: string; sid?: string }, expiresAt: Date): Promise<void> {
  if (!token.uid || !token.sid) return;
  const { uid, sid } = token;
  await getDb().$transaction(async (tx) => {
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await tx.revokedSession.upsert({ where: { id: sid }, create: { id: sid, userId: uid, expiresAt }, update: {} });
    const user = await tx.user.findUnique({ where: { id: uid }, select: { id: true, email: true } });
    await recordAudit(tx, user, { action: "auth.sign_out", entityType: "User", entityId: uid });
  });
}

/** Unchecked: the version a new session records, to end it when the user's access changes. */
export async function unsafeGetSessionVersion(userId: string): Promise<number> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return user.sessionVersion;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: string;
  organizationId: string;
  partnerships: { id: string; name: string }[];
  disabled: boolean;
  lastSignInAt: string | null;
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  requirePermission(actor, "user.manage");
  const users = await getDb().user.findMany({
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    include: { organization: true, partnerships: { include: { partnership: { select: { id: true, country: true } } } } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organization: u.organization.shortName,
    organizationId: u.organizationId,
    partnerships: u.partnerships.map((p) => ({ id: p.partnership.id, name: p.partnership.country })),
    disabled: u.disabled,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  }));
}

export async function listUserFormOptions(actor: Actor | null) {
  requirePermission(actor, "user.manage");
  const [organizations, partnerships] = await Promise.all([
    getDb().organization.findMany({ orderBy: { shortName: "asc" }, select: { id: true, shortName: true, name: true } }),
    getDb().partnership.findMany({ orderBy: { country: "asc" }, select: { id: true, country: true } }),
  ]);
  return {
    organizations: organizations.map((o) => ({ id: o.id, label: o.shortName === o.name ? o.name : `${o.shortName} — ${o.name}` })),
    partnerships: partnerships.map((p) => ({ id: p.id, label: p.country })),
  };
}

const auditView = (u: { email: string; name: string; role: Role; organizationId: string; disabled: boolean }, partnershipIds: string[]) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  organizationId: u.organizationId,
  disabled: u.disabled,
  partnershipIds: [...partnershipIds].sort(),
});

async function partnershipIdsOf(tx: Tx, userId: string) {
  return (await tx.userPartnership.findMany({ where: { userId }, select: { partnershipId: true } })).map((p) => p.partnershipId);
}

async function requireUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "That user no longer exists. Reload the page.");
  return user;
}

/** Refuses a change that would leave no active administrator. Locks the admins' rows first. */
async function keepAnActiveAdmin(tx: Tx, userId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND NOT disabled ORDER BY id FOR UPDATE`;
  if (admins.length === 1 && admins[0]?.id === userId) {
    throw new AppError("CONFLICT", "This is the last active administrator: make another user an administrator first.");
  }
}

// Who works where: a role only at the kind of organization that does that work.
const ROLE_HOME: Partial<Record<Role, { kind: string; message: string }>> = {
  REVIEWER: { kind: "US_GOVERNMENT", message: "A reviewer must belong to the U.S. government's office, the TIP Office." },
  ENCODER: { kind: "PARTNER_GOVERNMENT", message: "An encoder must belong to the partner government's office, such as IACAT." },
  PARTNER: { kind: "IMPLEMENTING_PARTNER", message: "Implementing-partner staff must belong to an implementing partner, such as IJM or The Salvation Army." },
};

async function requireRoleFits(tx: Tx, role: Role, organizationId: string): Promise<void> {
  const home = ROLE_HOME[role];
  if (!home) return;
  const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { kind: true } });
  if (organization?.kind !== home.kind) throw new AppError("VALIDATION", home.message, { organizationId: [home.message] });
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  partnershipIds: string[];
  password: string;
}

/** Refuses a new password that is easy to guess for this user, as a message under the field. */
function requireStrongPassword(password: string, user: { email: string; name: string }, field = "password"): void {
  const problem = passwordProblem(password, user);
  if (problem) throw new AppError("VALIDATION", "Some fields need attention: see the messages under them.", { [field]: [problem] });
}

export async function createUser(actor: Actor | null, input: NewUser): Promise<{ id: string }> {
  const admin = requirePermission(actor, "user.manage");
  requireStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const { mails, ...created } = await getDb().$transaction(async (tx) => {
    const email = input.email.trim().toLowerCase();
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("VALIDATION", "A user with this email already exists.");
    }
    await requireRoleFits(tx, input.role, input.organizationId);
    const partnershipIds = input.role === "ADMIN" ? [] : input.partnershipIds;
    const user = await tx.user.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        organizationId: input.organizationId,
        passwordHash,
        partnerships: { create: partnershipIds.map((partnershipId) => ({ partnershipId })) },
      },
    });
    await recordAudit(tx, admin, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: auditView(user, partnershipIds),
    });
    const mails = await notify(tx, { ...accountEvent(user.id, user.createdAt, "created", admin.name), userIds: [user.id] });
    return { id: user.id, mails };
  });
  await queueMails(mails);
  return created;
}

export async function changeUserAccess(
  actor: Actor | null,
  input: { userId: string; role: Role; organizationId: string; partnershipIds: string[] },
): Promise<void> {
  const admin = requirePermission(actor, "user.manage");
  await getDb().$transaction(async (tx) => {
    const user = await requireUser(tx, input.userId);
    if (user.role === "ADMIN" && input.role !== "ADMIN" && !user.disabled) await keepAnActiveAdmin(tx, user.id);
    await requireRoleFits(tx, input.role, input.organizationId);
    const beforePartnerships = await partnershipIdsOf(tx, user.id);
    const partnershipIds = input.role === "ADMIN" ? [] : input.partnershipIds;
    await tx.userPartnership.deleteMany({ where: { userId: user.id } });
    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        role: input.role,
        organizationId: input.organizationId,
        sessionVersion: { increment: 1 },
        partnerships: { create: partnershipIds.map((partnershipId) => ({ partnershipId })) },
      },
    });
    await recordAudit(tx, admin, {
      action: "user.change_access",
      entityType: "User",
      entityId: user.id,
      before: auditView(user, beforePartnerships),
      after: auditView(updated, partnershipIds),
    });
  });
}

export async function setUserDisabled(actor: Actor | null, input: { userId: string; disabled: boolean }): Promise<void> {
  const admin = requirePermission(actor, "user.manage");
  await getDb().$transaction(async (tx) => {
    const user = await requireUser(tx, input.userId);
    if (user.disabled === input.disabled) return;
    if (input.disabled && user.role === "ADMIN") await keepAnActiveAdmin(tx, user.id);
    const data: Prisma.UserUpdateInput = { disabled: input.disabled, sessionVersion: { increment: 1 } };
    await tx.user.update({ where: { id: user.id }, data });
    await recordAudit(tx, admin, {
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: user.id,
      before: { disabled: user.disabled },
      after: { disabled: input.disabled },
    });
  });
}

export async function resetUserPassword(actor: Actor | null, input: { userId: string; password: string }): Promise<void> {
  const admin = requirePermission(actor, "user.manage");
  requireStrongPassword(input.password, await requireUser(getDb(), input.userId));
  const passwordHash = await hashPassword(input.password);
  const mails = await getDb().$transaction(async (tx) => {
    const user = await requireUser(tx, input.userId);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // The password itself is never recorded, only that it changed; the mail does not carry it either.
    await recordAudit(tx, admin, { action: "user.reset_password", entityType: "User", entityId: user.id });
    return notify(tx, { ...accountEvent(user.id, new Date(), "password-reset", admin.name), userIds: [user.id] });
  });
  await queueMails(mails);
}

/**
 * A signed-in user's own new password, given the current one. Every session of the user ends
 * (sessionVersion), this one included: they sign in again with the new password.
 */
export async function changeOwnPassword(actor: Actor | null, input: { current: string; password: string }): Promise<void> {
  const self = requirePermission(actor, "account.manage");
  const user = await getDb().user.findUniqueOrThrow({ where: { id: self.id }, select: { passwordHash: true, email: true, name: true } });
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    // A security event (someone at the keyboard who does not know the password?): audited like
    // other refusals, within their rate limit.
    await recordRefusal(self, {
      what: "action account.manage: change password",
      code: "WRONG_CURRENT_PASSWORD",
      message: "This is not your current password.",
    });
    throw new AppError("VALIDATION", "Some fields need attention: see the messages under them.", { current: ["This is not your current password."] });
  }
  requireStrongPassword(input.password, user);
  const passwordHash = await hashPassword(input.password);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: self.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, self, { action: "user.change_own_password", entityType: "User", entityId: self.id });
  });
}
