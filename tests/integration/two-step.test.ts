// Two-step sign-in: set up from "Your account" with a code, required for administrators and
// reviewers before anything else, and asked for at sign-in, each code once, recovery codes once.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { requirePermission } from "../../lib/auth/guard";
import type { Actor } from "../../lib/auth/permissions";
import { signInWithPassword } from "../../lib/data/sign-in";
import { confirmTwoStep, getTwoStep, startTwoStep } from "../../lib/data/two-step";
import { loadActor } from "../../lib/data/users";
import { seedDatabase } from "../../prisma/seed/seed";
import { stepAt, totpCode } from "../../scripts/lib/totp-code";
import { createUser } from "../factories";
import { session } from "../support/mock-session";
import { emptyTables, testDb } from "../support/database";
import { fieldErrors } from "../support/errors";

vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const url = inject("databaseUrl");
const db = testDb(url);
const PASSWORD = "factory-password-123";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
});
afterAll(() => db.$disconnect());

/** Sets it up as a user would, returning the key and the recovery codes. */
async function setUp(actor: Actor): Promise<{ key: string; codes: string[] }> {
  await startTwoStep(actor);
  const key = (await getTwoStep(actor)).pending!.key;
  return { key, codes: await confirmTwoStep(actor, { code: totpCode(key) }) };
}

describe("setting up two-step sign-in", () => {
  it("shows a key and its QR code, refuses a wrong code, and keeps only hashes of the recovery codes", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    await startTwoStep(encoder);
    const pending = (await getTwoStep(encoder)).pending!;
    expect(pending.key).toMatch(/^[A-Z2-7]{32}$/);
    expect(pending.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = String((Number(totpCode(pending.key)) + 1) % 1_000_000).padStart(6, "0");
    expect((await fieldErrors(confirmTwoStep(encoder, { code: wrong })))?.code?.[0]).toMatch(/^That is not the code the app shows now/);
    const codes = await confirmTwoStep(encoder, { code: totpCode(pending.key) });
    expect(codes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: encoder.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) expect(codes).not.toContain(codeHash);
    expect(await getTwoStep(encoder)).toMatchObject({ enabledAt: expect.any(String), recoveryCodesLeft: 10, pending: null });
  });
});

describe("signing in with two-step sign-in", () => {
  it("asks for the code after the right password, takes each code once, and counts a wrong code as a failure", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const { key } = await setUp(encoder);
    expect(await signInWithPassword(encoder.email, PASSWORD, "192.0.2.5")).toEqual({ ok: false, reason: "TWO_STEP_REQUIRED" });
    expect(await signInWithPassword(encoder.email, "wrong password", "192.0.2.5", totpCode(key, stepAt() + 1))).toEqual({
      ok: false,
      reason: "WRONG_CREDENTIALS",
    });
    // The setup used this step's code: the next step's signs in, once.
    const next = totpCode(key, stepAt() + 1);
    expect((await signInWithPassword(encoder.email, PASSWORD, "192.0.2.5", next)).ok).toBe(true);
    expect(await signInWithPassword(encoder.email, PASSWORD, "192.0.2.5", next)).toEqual({ ok: false, reason: "WRONG_TWO_STEP_CODE" });
    expect(await signInWithPassword(encoder.email, PASSWORD, "192.0.2.5", "000000")).toEqual({ ok: false, reason: "WRONG_TWO_STEP_CODE" });
    const failures = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: encoder.email } } });
    expect(failures.map((f) => (f.after as { outcome: string }).outcome)).toEqual([
      "failure: wrong email or password",
      "failure: wrong two-step code",
      "failure: wrong two-step code",
    ]);
  });

  it("takes a recovery code once, typed in any case", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const { codes } = await setUp(encoder);
    expect((await signInWithPassword(encoder.email, PASSWORD, "192.0.2.6", codes[3]!.toUpperCase())).ok).toBe(true);
    expect(await signInWithPassword(encoder.email, PASSWORD, "192.0.2.6", codes[3]!)).toEqual({ ok: false, reason: "WRONG_TWO_STEP_CODE" });
    expect((await getTwoStep(encoder)).recoveryCodesLeft).toBe(9);
  });
});

describe("administrators and reviewers", () => {
  it("may do nothing but set it up until they have", async () => {
    const reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const signedIn = (await loadActor(reviewer.id))!;
    expect(signedIn.needsTwoStep).toBe(true);
    expect((await loadActor(encoder.id))!.needsTwoStep).toBe(false);
    expect(() => requirePermission(signedIn, "dashboard.view", { partnershipId: reviewer.partnershipIds[0] })).toThrow(
      "Set up two-step sign-in under Your account first: administrators and reviewers need it before they can do anything else.",
    );
    const { addCommentAction } = await import("../../app/dashboard/[slug]/reports/[period]/actions");
    session.actor = signedIn;
    const form = new FormData();
    form.append("submissionId", "x");
    form.append("body", "a comment");
    expect(await addCommentAction({ ok: false }, form)).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/^Set up two-step/) });

    await setUp(signedIn);
    const after = (await loadActor(reviewer.id))!;
    expect(after.needsTwoStep).toBe(false);
    expect(requirePermission(after, "dashboard.view", { partnershipId: reviewer.partnershipIds[0] })).toBe(after);
  });
});
