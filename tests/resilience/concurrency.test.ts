// 50 people save the same version of a quarter at the same moment: exactly one save lands, the
// other 49 are told someone else changed it, and nothing else in the database changes.
import { afterAll, beforeAll, expect, inject, it, vi } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed";
import { createSubmission, createUser } from "../factories";
import { session } from "../support/mock-session";
import { databaseDigest, emptyTables, tableCounts, testDb } from "../support/database";

vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const url = inject("databaseUrl");
const db = testDb(url);
const SAVES = 50;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
});
afterAll(() => db.$disconnect());

it(`${SAVES} concurrent saves of one version: one succeeds, ${SAVES - 1} conflict, nothing else changes`, async () => {
  const { saveSubmissionAction } = await import("../../app/dashboard/[slug]/reports/[period]/actions");
  session.actor = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  const submission = await createSubmission(db, { partnership: "philippines", organization: "IACAT", status: "DRAFT" });
  const countsBefore = await tableCounts(url);
  const digestBefore = await databaseDigest(url);

  const form = (value: number) => {
    const data = new FormData();
    const fields = {
      slug: "philippines",
      period: submission.periodText,
      organizationId: submission.organizationId,
      version: "1",
      intent: "save",
      "v:O2.1:total": String(value),
    };
    for (const [key, v] of Object.entries(fields)) data.append(key, v);
    return data;
  };
  const results = await Promise.all(Array.from({ length: SAVES }, (_, i) => saveSubmissionAction({ ok: false }, form(100 + i))));

  const winners = results.flatMap((r, i) => (r.ok ? [100 + i] : []));
  expect(winners).toHaveLength(1);
  const refusals = results.filter((r) => !r.ok);
  expect(refusals.map((r) => r.code)).toEqual(Array(SAVES - 1).fill("CONFLICT"));
  for (const r of refusals) expect(r.message).toMatch(/changed|saved/i);

  const saved = await db.submission.findUniqueOrThrow({
    where: { id: submission.id },
    include: { measurements: { include: { indicator: { select: { code: true } } } } },
  });
  expect(saved.version).toBe(2);
  expect(saved.status).toBe("DRAFT");
  expect(saved.measurements.map((m) => [m.indicator.code, m.cell, m.value?.toString()])).toEqual([["O2.1", "", String(winners[0])]]);

  const countsAfter = await tableCounts(url);
  expect(countsAfter).toEqual({ ...countsBefore, Measurement: countsBefore.Measurement! + 1, AuditEvent: countsBefore.AuditEvent! + 1 });
  const digestAfter = await databaseDigest(url);
  const changed = Object.keys(digestAfter)
    .filter((table) => digestAfter[table] !== digestBefore[table])
    .sort();
  expect(changed).toEqual(["AuditEvent", "Measurement", "Submission"]);
});
