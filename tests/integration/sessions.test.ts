// A session ends on the server when its user signs out: the same cookie, copied before, opens
// nothing afterwards (the probe still opened pages, the export and a server action with one).
// These call next-auth's own callbacks and events as configured in lib/auth/options.ts.
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { authOptions } from "../../lib/auth/options";
import type { Actor } from "../../lib/auth/permissions";
import { setUserDisabled } from "../../lib/data/users";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let admin: Actor;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "a secret for the session tests only";
  await emptyTables(url);
  await seedDatabase(db);
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
});
afterAll(() => db.$disconnect());

/** What next-auth does at sign-in: the jwt callback with the user authorize() returned. */
async function signedIn(actor: Actor): Promise<JWT> {
  const user = { id: actor.id, email: actor.email, name: actor.name, sessionVersion: 1 };
  return (await authOptions().callbacks!.jwt!({ token: { email: actor.email }, user, account: null })) as JWT;
}
/** What next-auth does on every later request with that cookie. */
const reuse = (token: JWT) => authOptions().callbacks!.jwt!({ token, user: undefined as never, account: null });

describe("a session", () => {
  it("stands until its user signs out, then the same token is refused, and the sign-out is audited", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const token = await signedIn(encoder);
    const other = await signedIn(encoder);
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.sid).not.toBe(other.sid);
    await expect(reuse(token)).resolves.toMatchObject({ uid: encoder.id });

    await authOptions().events!.signOut!({ token, session: null as never });
    await expect(reuse(token)).rejects.toThrow("SessionEnded");
    // Signing out in one browser leaves the user's other sessions alone.
    await expect(reuse(other)).resolves.toMatchObject({ uid: encoder.id });
    const audit = await db.auditEvent.findMany({ where: { action: "auth.sign_out", actorId: encoder.id } });
    expect(audit).toHaveLength(1);
  });

  it("ends when its user is disabled", async () => {
    const encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const token = await signedIn(encoder);
    await setUserDisabled(admin, { userId: encoder.id, disabled: true });
    await expect(reuse(token)).rejects.toThrow("SessionEnded");
  });

  it("is issued for the idle limit, not next-auth's default of 30 days", () => {
    expect(authOptions().jwt?.maxAge).toBe(30 * 60);
  });
});
