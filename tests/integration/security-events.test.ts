// Refusals are security events: each is audited with who, what and the client address, at most
// 20 a minute from one address (the probe's ~230 refusals wrote nothing). Change events carry the
// client address too. Only the session lookup and the request's headers are stood in for.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createUser, organizationId } from "../factories";
import { session } from "../support/mock-session";
import { emptyTables, testDb } from "../support/database";

const request = vi.hoisted(() => ({ address: "192.0.2.44" }));
vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.address }) }));

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
});
afterAll(() => db.$disconnect());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const refusalsFrom = (address: string) =>
  db.auditEvent.findMany({
    where: { action: "security.refused", ipAddress: address },
    select: { actorEmail: true, after: true },
    orderBy: { occurredAt: "asc" },
  });

describe("refusals", () => {
  it("are audited with the user, what they asked for and their address", async () => {
    const { reopenSubmissionAction } = await import("../../app/dashboard/[slug]/reports/[period]/actions");
    request.address = "192.0.2.44";
    session.actor = encoder;
    const result = await reopenSubmissionAction({ ok: false }, form({ submissionId: "x", version: "1", reason: "let me in" }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    session.actor = null;
    const { GET } = await import("../../app/api/partnerships/[slug]/reports/[period]/export/route");
    const response = await GET(new Request("http://localhost/api/partnerships/philippines/reports/2019Q3/export"), {
      params: Promise.resolve({ slug: "philippines", period: "2019Q3" }),
    });
    expect(response.status).toBe(401);
    expect(await refusalsFrom("192.0.2.44")).toEqual([
      {
        actorEmail: encoder.email,
        after: { what: "action submission.reopen", code: "FORBIDDEN", message: "Your role does not allow this. Ask an administrator if you need access." },
      },
      {
        actorEmail: null,
        after: { what: "GET /api/partnerships/philippines/reports/2019Q3/export", code: "UNAUTHENTICATED", message: "Sign in to download this quarter." },
      },
    ]);
  });

  it("are written at most 20 a minute from one address, and still refused beyond that", async () => {
    const { reopenSubmissionAction } = await import("../../app/dashboard/[slug]/reports/[period]/actions");
    request.address = "198.51.100.23";
    session.actor = null;
    for (let i = 0; i < 25; i++) {
      expect(await reopenSubmissionAction({ ok: false }, form({ submissionId: "x", version: "1", reason: "flood" }))).toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    expect(await refusalsFrom("198.51.100.23")).toHaveLength(20);
    request.address = "198.51.100.24";
    await reopenSubmissionAction({ ok: false }, form({ submissionId: "x", version: "1", reason: "another address" }));
    expect(await refusalsFrom("198.51.100.24")).toHaveLength(1);
  });
});

describe("a page refused", () => {
  it("is audited like an action", async () => {
    const { default: UsersPage } = await import("../../app/dashboard/admin/users/page");
    request.address = "192.0.2.77";
    session.actor = encoder;
    await expect(UsersPage()).rejects.toThrow();
    expect(await refusalsFrom("192.0.2.77")).toEqual([
      { actorEmail: encoder.email, after: { what: "page /dashboard/admin/users", code: "FORBIDDEN", message: "Your role does not allow this page." } },
    ]);
  });
});

describe("change events", () => {
  it("carry the client address", async () => {
    const { saveSubmissionAction } = await import("../../app/dashboard/[slug]/reports/[period]/actions");
    request.address = "203.0.113.61";
    session.actor = encoder;
    const period = (await createPeriod(db, "philippines")).text;
    const result = await saveSubmissionAction(
      { ok: false },
      form({ slug: "philippines", period, organizationId: await organizationId(db, "IACAT"), version: "0", intent: "save", "v:O2.1:total": "4" }),
    );
    expect(result).toMatchObject({ ok: true });
    const saved = await db.auditEvent.findMany({ where: { action: "submission.save", actorId: encoder.id }, select: { ipAddress: true } });
    expect(saved).toEqual([{ ipAddress: "203.0.113.61" }]);
  });
});
