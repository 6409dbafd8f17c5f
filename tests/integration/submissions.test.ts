// The quarter workflow on the real data layer: who may move a submission where, what a stale
// or invalid save does, and that every change leaves its audit row.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { addComment, reopenSubmission, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createSubmission, createUser, organizationId } from "../factories";
import { refusal } from "../support/errors";
import { databaseDigest, emptyTables, testDb } from "../support/database";
import { valuesFromForm } from "../../lib/quarter/form";

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor, partner: Actor, reviewer: Actor, admin: Actor;
let iacat = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
  iacat = await organizationId(db, "IACAT");
});
afterAll(() => db.$disconnect());

const complete = { "v:O2.1:total": "4", "v:O4.1:total": "9", "v:O5.1:total": "3", "v:O5.2:total": "75" };

const auditCount = async () => db.auditEvent.count();
const submissionOf = async (period: string) =>
  db.submission.findFirstOrThrow({
    where: { period: { year: Number(period.slice(0, 4)), quarter: 1, partnership: { slug: "philippines" } }, organizationId: iacat },
  });

describe("the quarter workflow", () => {
  it("goes draft → submitted → returned → submitted → approved, and reopens only for an admin", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const save = (actor: Actor, version: number, intent: "save" | "submit", form: Record<string, string>) =>
      saveSubmission(actor, { slug: "philippines", period, organizationId: iacat, version, intent, values: valuesFromForm(form) });

    let audits = await auditCount();
    expect(await save(encoder, 0, "save", { "v:O2.1:total": "4" })).toEqual({ status: "DRAFT", version: 1 });
    expect(await auditCount()).toBe(++audits);
    expect(await refusal(save(encoder, 1, "submit", { "v:O2.1:total": "4" }))).toBe("VALIDATION");
    expect(await save(encoder, 1, "submit", complete)).toEqual({ status: "SUBMITTED", version: 2 });
    expect(await auditCount()).toBe(++audits);

    expect(await refusal(save(encoder, 2, "save", complete))).toBe("CONFLICT");
    const submitted = await submissionOf(period);
    expect(await refusal(reviewSubmission(encoder, { submissionId: submitted.id, version: 2, decision: "APPROVE", reason: "" }))).toBe("FORBIDDEN");
    expect(await reviewSubmission(reviewer, { submissionId: submitted.id, version: 2, decision: "RETURN", reason: "O4.1 looks high." })).toEqual({
      status: "RETURNED",
    });
    expect(await auditCount()).toBe(++audits);
    const thread = await db.comment.findMany({ where: { submissionId: submitted.id }, orderBy: { createdAt: "asc" } });
    expect(thread.map((c) => c.body)).toEqual(["O4.1 looks high."]);

    expect(await save(encoder, 3, "save", { ...complete, "v:O4.1:total": "8" })).toEqual({ status: "RETURNED", version: 4 });
    expect(await save(encoder, 4, "submit", { ...complete, "v:O4.1:total": "8" })).toEqual({ status: "SUBMITTED", version: 5 });
    expect(await reviewSubmission(reviewer, { submissionId: submitted.id, version: 5, decision: "APPROVE", reason: "" })).toEqual({ status: "APPROVED" });
    audits += 3;
    expect(await auditCount()).toBe(audits);

    const before = await databaseDigest(url);
    expect(await refusal(save(encoder, 6, "save", complete))).toBe("CONFLICT");
    expect(await refusal(reopenSubmission(reviewer, { submissionId: submitted.id, version: 6, reason: "wrong" }))).toBe("FORBIDDEN");
    expect(await databaseDigest(url)).toEqual(before);

    await reopenSubmission(admin, { submissionId: submitted.id, version: 6, reason: "Source corrected the count." });
    expect(await auditCount()).toBe(++audits);
    const reopened = await submissionOf(period);
    expect([reopened.status, reopened.version, reopened.returnReason]).toEqual(["RETURNED", 7, "Source corrected the count."]);
    const values = await db.measurement.findMany({ where: { submissionId: submitted.id, cell: "" }, include: { indicator: true } });
    expect(Object.fromEntries(values.map((v) => [v.indicator.code, v.value?.toString()]))).toEqual({ "O2.1": "4", "O4.1": "8", "O5.1": "3", "O5.2": "75" });
  });

  it("lets only the reporting organization's own staff enter its values", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const before = await databaseDigest(url);
    for (const actor of [partner, reviewer, admin]) {
      expect(
        await refusal(
          saveSubmission(actor, { slug: "philippines", period, organizationId: iacat, version: 0, intent: "save", values: valuesFromForm(complete) }),
        ),
      ).toBe("FORBIDDEN");
    }
    expect(await databaseDigest(url)).toEqual(before);
  });

  it("refuses a reviewer approving a quarter they submitted", async () => {
    const own = await createSubmission(db, { partnership: "philippines", organization: "IACAT", submittedById: reviewer.id });
    expect(await refusal(reviewSubmission(reviewer, { submissionId: own.id, version: own.version, decision: "APPROVE", reason: "" }))).toBe("FORBIDDEN");
  });

  it("says what to fix for each bad value, and saves nothing", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const before = await databaseDigest(url);
    const attempt = saveSubmission(encoder, {
      slug: "philippines",
      period,
      organizationId: iacat,
      version: 0,
      intent: "save",
      values: valuesFromForm({
        "v:O2.1:total": "-3",
        "v:O4.1:total": "2.5",
        "v:O5.1:total": "1,000",
        "v:O5.2:total": "140",
        "evidence:O2.1": "javascript:alert(1)",
      }),
    });
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION",
      problems: [
        { code: "O2.1", part: { cell: "" }, message: "Enter a whole number of 0 or more, without commas." },
        { code: "O2.1", part: "evidence", message: "Enter a web address starting with https://, or leave it empty." },
        { code: "O4.1", part: { cell: "" }, message: "Counts are whole numbers: remove the decimals." },
        { code: "O5.1", part: { cell: "" }, message: "Enter a whole number of 0 or more, without commas." },
        { code: "O5.2", part: { cell: "" }, message: "A percentage is from 0 to 100." },
      ],
    });
    expect(await databaseDigest(url)).toEqual(before);
  });

  it("requires a breakdown that adds up to its total", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    const ijmPartner = partner;
    const ijm = await organizationId(db, "IJM");
    const attempt = saveSubmission(ijmPartner, {
      slug: "philippines",
      period,
      organizationId: ijm,
      version: 0,
      intent: "save",
      values: valuesFromForm({ "v:O1.1:total": "10", "v:O1.1:SEX=F": "6", "v:O1.1:SEX=M": "3" }),
    });
    await expect(attempt).rejects.toMatchObject({
      problems: [{ code: "O1.1", part: { cell: "" }, message: "The breakdown adds up to 9, not 10: correct the total or the breakdown." }],
    });
    expect(
      await saveSubmission(ijmPartner, {
        slug: "philippines",
        period,
        organizationId: ijm,
        version: 0,
        intent: "save",
        values: valuesFromForm({ "v:O1.1:total": "9", "v:O1.1:SEX=F": "6", "v:O1.1:SEX=M": "3" }),
      }),
    ).toMatchObject({ status: "DRAFT" });
  });

  it("lets exactly one of two saves of the same version win; the other changes nothing and says what changed", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    await saveSubmission(encoder, {
      slug: "philippines",
      period,
      organizationId: iacat,
      version: 0,
      intent: "save",
      values: valuesFromForm({ "v:O2.1:total": "1" }),
    });
    const second = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    const results = await Promise.allSettled([
      saveSubmission(encoder, {
        slug: "philippines",
        period,
        organizationId: iacat,
        version: 1,
        intent: "save",
        values: valuesFromForm({ "v:O2.1:total": "5" }),
      }),
      saveSubmission(second, {
        slug: "philippines",
        period,
        organizationId: iacat,
        version: 1,
        intent: "save",
        values: valuesFromForm({ "v:O2.1:total": "7" }),
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT" });
    expect(String(lost[0]!.reason.message)).toMatch(/Someone else saved this quarter/);
    const stored = await db.measurement.findFirstOrThrow({
      where: { submission: { period: { year: Number(period.slice(0, 4)) } }, indicator: { code: "O2.1" }, cell: "" },
    });
    const winner = won[0] === results[0] ? "5" : "7";
    expect(stored.value?.toString()).toBe(winner);
    expect((await submissionOf(period)).version).toBe(2);
  });

  // PGlite runs one statement at a time, so this race shows only on the PostgreSQL pass: there
  // both first saves find no submission, both insert it, and the unique key refuses one of them.
  it("answers the loser of two first saves of a quarter with the conflict message, 20 rounds", async () => {
    const second = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    for (let round = 0; round < 20; round++) {
      const period = (await createPeriod(db, "philippines")).text;
      const results = await Promise.allSettled([
        saveSubmission(encoder, {
          slug: "philippines",
          period,
          organizationId: iacat,
          version: 0,
          intent: "save",
          values: valuesFromForm({ "v:O2.1:total": "5", "note:O2.1": "mine" }),
        }),
        saveSubmission(second, {
          slug: "philippines",
          period,
          organizationId: iacat,
          version: 0,
          intent: "save",
          values: valuesFromForm({ "v:O2.1:total": "7", "note:O2.1": "theirs" }),
        }),
      ]);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(lost, `round ${round}`).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Someone else saved this quarter/) });
      const stored = await db.measurement.findMany({
        where: { submission: { period: { year: Number(period.slice(0, 4)) } } },
        select: { value: true, note: true },
      });
      const winner = results[0]!.status === "fulfilled" ? ["5", "mine"] : ["7", "theirs"];
      expect(stored.map((m) => [m.value?.toString(), m.note])).toEqual([winner]);
      expect(await db.auditEvent.count({ where: { action: "submission.save", entityId: (await submissionOf(period)).id } })).toBe(1);
    }
  });

  it("keeps a quarter locked exactly while its reports are approved, through a reopen and a re-approval", async () => {
    const { getQuarterReport } = await import("../../lib/data/reports");
    const iacatReport = async () => (await getQuarterReport(admin, "philippines", "2018Q3")).organizations.find((o) => o.organization === "IACAT")!;
    expect((await getQuarterReport(admin, "philippines", "2018Q3")).locked).toBe(true);
    const approved = (await iacatReport()).submission!;
    await reopenSubmission(admin, { submissionId: approved.id, version: approved.version, reason: "A late correction from the registry" });
    expect((await getQuarterReport(encoder, "philippines", "2018Q3")).locked).toBe(false);
    expect((await getQuarterReport(encoder, "philippines", "2018Q3")).organizations.find((o) => o.organization === "IACAT")!.canEdit).toBe(true);

    const returned = (await iacatReport()).submission!;
    await saveSubmission(encoder, {
      slug: "philippines",
      period: "2018Q3",
      organizationId: iacat,
      version: returned.version,
      intent: "submit",
      values: valuesFromForm(complete),
    });
    const submitted = (await iacatReport()).submission!;
    await reviewSubmission(reviewer, { submissionId: submitted.id, version: submitted.version, decision: "APPROVE", reason: "" });
    const report = await getQuarterReport(encoder, "philippines", "2018Q3");
    expect(report.locked).toBe(true);
    expect(report.organizations.find((o) => o.organization === "IACAT")!.canEdit).toBe(false);
    const refused = saveSubmission(encoder, {
      slug: "philippines",
      period: "2018Q3",
      organizationId: iacat,
      version: submitted.version + 1,
      intent: "save",
      values: valuesFromForm(complete),
    });
    await expect(refused).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This report is approved and locked: only an administrator can reopen it, with a reason.",
    });
  });

  it("records note and evidence-link changes in the audit log like value changes", async () => {
    const period = (await createPeriod(db, "philippines")).text;
    await saveSubmission(encoder, {
      slug: "philippines",
      period,
      organizationId: iacat,
      version: 0,
      intent: "save",
      values: valuesFromForm({ "v:O2.1:total": "4", "note:O2.1": "first note" }),
    });
    await saveSubmission(encoder, {
      slug: "philippines",
      period,
      organizationId: iacat,
      version: 1,
      intent: "save",
      values: valuesFromForm({ "v:O2.1:total": "4", "note:O2.1": "corrected note", "evidence:O2.1": "https://example.org/registry" }),
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "submission.save", entityId: (await submissionOf(period)).id },
      orderBy: { id: "desc" },
    });
    expect(event.before).toMatchObject({ notes: { "O2.1": { note: "first note", evidence: null } } });
    expect(event.after).toMatchObject({ notes: { "O2.1": { note: "corrected note", evidence: "https://example.org/registry" } } });
  });

  it("keeps a comment thread and audits each comment", async () => {
    const s = await createSubmission(db, { partnership: "philippines", organization: "IACAT" });
    const audits = await auditCount();
    await addComment(reviewer, { submissionId: s.id, body: "Please attach the case list." });
    await addComment(encoder, { submissionId: s.id, body: "Attached." });
    expect(await refusal(addComment(partner, { submissionId: s.id, body: "Not my quarter." }))).toBe("FORBIDDEN");
    expect(await auditCount()).toBe(audits + 2);
  });
});

describe("partner-government contributions", () => {
  it("are entered with the quarter and count as delivered only once it is approved", async () => {
    const { recordContribution } = await import("../../lib/data/contributions");
    const { unsafeFundingTotals } = await import("../../lib/data/funding");
    const period = (await createPeriod(db, "philippines")).text;
    const philippines = (await db.partnership.findUniqueOrThrow({ where: { slug: "philippines" } })).id;
    const delivered = async () => (await unsafeFundingTotals(db, philippines, "PHP")).find((t) => t.party === "IACAT")!.delivered;
    const base = await delivered();

    const contribution = {
      slug: "philippines",
      period,
      organizationId: iacat,
      kind: "IN_KIND" as const,
      currency: "PHP" as const,
      amount: "1000000",
      exchangeRate: "50.25",
      rateDate: "2020-03-31",
      rateSource: "BSP reference rate",
      note: "",
    };
    expect(await refusal(recordContribution(partner, { ...contribution, version: 0 }))).toBe("FORBIDDEN");
    await recordContribution(encoder, { ...contribution, version: 0 });
    expect(await refusal(recordContribution(encoder, { ...contribution, version: 0 }))).toBe("CONFLICT");
    expect(await delivered()).toBe(base);

    await saveSubmission(encoder, { slug: "philippines", period, organizationId: iacat, version: 1, intent: "submit", values: valuesFromForm(complete) });
    const s = await submissionOf(period);
    await reviewSubmission(reviewer, { submissionId: s.id, version: s.version, decision: "APPROVE", reason: "" });
    expect(Number(await delivered()) - Number(base)).toBe(1_000_000);
    expect(await db.auditEvent.count({ where: { action: "contribution.record", entityId: s.id } })).toBe(1);
  });

  it("answers the loser of two first contributions of a quarter with the conflict message, 20 rounds", async () => {
    const { recordContribution } = await import("../../lib/data/contributions");
    const second = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
    for (let round = 0; round < 20; round++) {
      const period = (await createPeriod(db, "philippines")).text;
      const contribution = {
        slug: "philippines",
        period,
        organizationId: iacat,
        version: 0,
        kind: "DISBURSED" as const,
        currency: "PHP" as const,
        exchangeRate: "50.25",
        rateDate: "2020-03-31",
        rateSource: "BSP reference rate",
        note: "",
      };
      const results = await Promise.allSettled([
        recordContribution(encoder, { ...contribution, amount: "1000" }),
        recordContribution(second, { ...contribution, amount: "2000" }),
      ]);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(lost, `round ${round}`).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Someone else saved this quarter/) });
      const rows = await db.fundingDelivery.findMany({ where: { period: { year: Number(period.slice(0, 4)) } }, select: { amount: true } });
      expect(rows.map((r) => r.amount.toString())).toEqual([results[0]!.status === "fulfilled" ? "1000" : "2000"]);
    }
  });
});
