// The demo's desk and the work queues on /dashboard: a newcomer who signs in as the demo reviewer
// finds a report waiting; the demo encoder finds one returned with comments and one in draft.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { getQuarterReport } from "../../lib/data/reports";
import { getWorkQueue } from "../../lib/data/work-queue";
import { seedDemoUsers } from "../../prisma/seed/demo-users";
import { seedDemoWork } from "../../prisma/seed/demo-work";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { databaseDigest, emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);

async function demoActor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { partnerships: true } });
  return {
    id: user.id,
    email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    partnershipIds: user.partnerships.map((p) => p.partnershipId),
  };
}

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db, { demoWork: true });
  await seedDemoUsers(db);
  expect(await seedDemoWork(db)).toEqual(["IACAT 2021Q1 submitted", "IACAT 2020Q4 returned", "IACAT 2020Q3 draft"]);
});
afterAll(() => db.$disconnect());

const summary = (queue: Awaited<ReturnType<typeof getWorkQueue>>) => queue.items.map((i) => `${i.organization} ${i.quarter} ${i.state} ${i.dueOn}`);

describe("the demo's desk", () => {
  it("gives the demo reviewer the submitted report, oldest first, and nothing else", async () => {
    const queue = await getWorkQueue(await demoActor("reviewer@demo.local"), "2026-12-02");
    expect(queue.kind).toBe("review");
    expect(summary(queue)).toEqual(["IACAT 2021Q1 SUBMITTED 2021-04-30"]);
    expect(queue.items[0]!.submittedByYou).toBe(false);
  });

  it("gives the demo encoder the returned report first, with its reason, then the draft, each with its due date", async () => {
    const queue = await getWorkQueue(await demoActor("encoder@demo.local"), "2026-12-02");
    expect(queue.kind).toBe("entry");
    expect(summary(queue)).toEqual(["IACAT 2020Q4 RETURNED 2021-01-30", "IACAT 2020Q3 DRAFT 2020-10-30"]);
    expect(queue.items[0]!.returnReason).toMatch(/^Illustrative: please add the source/);
  });

  it("lists a quarter only once it has ended", async () => {
    const encoder = await demoActor("encoder@demo.local");
    expect(summary(await getWorkQueue(encoder, "2020-09-30"))).toEqual([]);
    expect(summary(await getWorkQueue(encoder, "2020-10-01"))).toEqual(["IACAT 2020Q3 DRAFT 2020-10-30"]);
  });

  it("has nothing for the demo partner, whose reports are all approved, nor for a user with no partnership", async () => {
    expect((await getWorkQueue(await demoActor("partner@demo.local"), "2026-12-02")).total).toBe(0);
    const stranger = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: [] });
    expect((await getWorkQueue(stranger, "2026-12-02")).items).toEqual([]);
  });

  it("shows the encoder the reviewer's comment beside its indicator, and labels the work illustrative", async () => {
    const report = await getQuarterReport(await demoActor("encoder@demo.local"), "philippines", "2020Q4");
    const iacat = report.organizations.find((o) => o.organization === "IACAT")!;
    expect(iacat.submission?.illustrative).toBe(true);
    expect(iacat.entry.find((r) => r.code === "O4.1")!.comments.map((c) => c.author)).toEqual(["Demo Reviewer (TIP Office)"]);
    expect(iacat.entry.filter((r) => r.code !== "O4.1").every((r) => r.comments.length === 0)).toBe(true);
  });

  it("writes the demo's work once", async () => {
    const before = await databaseDigest(url);
    expect(await seedDemoWork(db)).toEqual([]);
    expect(await databaseDigest(url)).toEqual(before);
  });
});
