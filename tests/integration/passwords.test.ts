// New passwords, set by an administrator or by the user, are refused when easy to guess (the
// probe set "password1234" and "cpc-demo-password"); a user changes their own password with the
// current one, and every session of theirs ends.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { signInWithPassword } from "../../lib/data/sign-in";
import { changeOwnPassword, createUser as addUser, resetUserPassword } from "../../lib/data/users";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId } from "../factories";
import { databaseDigest, emptyTables, testDb } from "../support/database";
import { fieldErrors } from "../support/errors";

const url = inject("databaseUrl");
const db = testDb(url);
let admin: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
});
afterAll(() => db.$disconnect());

describe("a new password set by an administrator", () => {
  it("is refused when easy to guess, and nothing is written", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const before = await databaseDigest(url);
    const iacat = await organizationId(db, "IACAT");
    const create = addUser(admin, {
      email: "weak@test.local",
      name: "Weak Password",
      role: "ENCODER",
      organizationId: iacat,
      partnershipIds: [],
      password: "password1234",
    });
    expect((await fieldErrors(create))?.password?.[0]).toMatch(/^This password is too easy to guess/);
    expect((await fieldErrors(resetUserPassword(admin, { userId: encoder.id, password: "cpc-demo-password" })))?.password?.[0]).toMatch(
      /^This password is too easy to guess \(it is made of this app's words or your own name or email\)/,
    );
    expect(await databaseDigest(url)).toEqual(before);
  });
});

describe("changing one's own password", () => {
  it("needs the current password (a wrong one is a security event), refuses a guessable new one, and changes nothing", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    expect(await fieldErrors(changeOwnPassword(encoder, { current: "not my password", password: "violet harbour tractor lanterns" }))).toEqual({
      current: ["This is not your current password."],
    });
    expect((await fieldErrors(changeOwnPassword(encoder, { current: "factory-password-123", password: "111111111111" })))?.password?.[0]).toMatch(
      /^This password is too easy to guess/,
    );
    const refused = await db.auditEvent.findMany({ where: { action: "security.refused", actorId: encoder.id }, select: { after: true } });
    expect(refused).toEqual([
      { after: { what: "action account.manage: change password", code: "WRONG_CURRENT_PASSWORD", message: "This is not your current password." } },
    ]);
    expect((await signInWithPassword(encoder.email, "factory-password-123", "192.0.2.9")).ok).toBe(true);
  });

  it("takes a passphrase, ends the user's sessions, and the old password no longer signs in", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: encoder.id } });
    await changeOwnPassword(encoder, { current: "factory-password-123", password: "violet harbour tractor lanterns, 1987" });
    expect((await db.user.findUniqueOrThrow({ where: { id: encoder.id } })).sessionVersion).toBe(sessionVersion + 1);
    expect(await signInWithPassword(encoder.email, "factory-password-123", "192.0.2.9")).toEqual({ ok: false, reason: "WRONG_CREDENTIALS" });
    expect((await signInWithPassword(encoder.email, "violet harbour tractor lanterns, 1987", "192.0.2.9")).ok).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.change_own_password", actorId: encoder.id } })).toBe(1);
  });
});
