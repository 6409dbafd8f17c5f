// Sign-in input is bounded before anything is written or logged: the probe stored an 8 MB email
// in the insert-only audit log with one anonymous attempt.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { signInWithPassword } from "../../lib/data/sign-in";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { databaseDigest, emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  await createUser(db, { role: "ENCODER", organization: "IACAT", email: "bounded@test.local" });
});
afterAll(() => db.$disconnect());

it("refuses an email over 254 characters or a password over 1,024 as wrong credentials, writing nothing", async () => {
  const before = await databaseDigest(url);
  const huge = `${"a".repeat(8 * 1024 * 1024)}@test.local`;
  expect(await signInWithPassword(huge, "factory-password-123", "192.0.2.1")).toEqual({ ok: false, reason: "WRONG_CREDENTIALS" });
  expect(await signInWithPassword(`${"a".repeat(245)}@test.local`, "x", "192.0.2.1")).toEqual({ ok: false, reason: "WRONG_CREDENTIALS" });
  expect(await signInWithPassword("bounded@test.local", "p".repeat(1025), "192.0.2.1")).toEqual({ ok: false, reason: "WRONG_CREDENTIALS" });
  expect(await databaseDigest(url)).toEqual(before);
});

it("still records an attempt within the bounds, with the email as typed", async () => {
  const email = `${"b".repeat(243)}@test.local`; // 254 characters
  await signInWithPassword(email, "p".repeat(1024), "192.0.2.2");
  const rows = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", ipAddress: "192.0.2.2" }, select: { after: true, ipAddress: true } });
  expect(rows).toEqual([{ after: { email, outcome: "failure: wrong email or password" }, ipAddress: "192.0.2.2" }]);
});
