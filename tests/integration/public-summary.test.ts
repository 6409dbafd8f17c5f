// What the public sees: approved quarters only, small sensitive counts suppressed, the same in
// the page data and both downloads.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { buildPublicSummaryUncached } from "../../lib/data/public-summary";
import { reopenSubmission, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { summaryToCsv } from "../../lib/open-data";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId } from "../factories";
import { emptyTables, testDb } from "../support/database";
import { valuesFromForm } from "../../lib/quarter/form";

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor, reviewer: Actor, admin: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
});
afterAll(() => db.$disconnect());

const published = async () => {
  const summary = (await buildPublicSummaryUncached("philippines"))!;
  return { json: JSON.stringify(summary), csv: summaryToCsv(summary), summary };
};
const quarterValue = (summary: NonNullable<Awaited<ReturnType<typeof buildPublicSummaryUncached>>>, code: string, quarter: string) =>
  summary.results.find((r) => r.code === code)!.quarters.find((q) => q.quarter === quarter)!.value;

describe("the public summary", () => {
  it("carries the published headline results with their sources", async () => {
    const { summary } = await published();
    expect(summary.headlineResults.map((r) => [r.value, r.source.publisher])).toContainEqual(["312", "Inter-Agency Council Against Trafficking (IACAT)"]);
  });

  it("never shows a sensitive count from 1 to 9, in the data or the CSV", async () => {
    const { summary, csv } = await published();
    const sensitive = summary.results.filter((r) => r.sensitive);
    expect(sensitive.map((r) => r.code)).toEqual(["O1.1", "O3.2"]);
    const values = sensitive.flatMap((r) => [r.total, ...r.quarters.map((q) => q.value)]).filter((v) => v !== null);
    expect(values.filter((v) => /^[1-9]$/.test(v!))).toEqual([]);
    expect(values).toContain("<10");
    const csvSensitive = csv.split("\r\n").filter((line) => /,O1\.1,|,O3\.2,/.test(line));
    expect(csvSensitive.filter((line) => /,[1-9],(,|false|true)/.test(line))).toEqual([]);
  });

  it("never hides exactly one quarter of a sensitive series whose total is shown", async () => {
    // A shown total minus every shown quarter would give the one hidden quarter back.
    const { summary } = await published();
    for (const result of summary.results.filter((r) => r.sensitive && r.total !== "<10")) {
      const hidden = result.quarters.filter((q) => q.value === "<10").map((q) => q.quarter);
      expect(hidden.length, `${result.code}: hidden ${hidden.join(", ")}`).not.toBe(1);
    }

    // One small quarter of O1.1 (5 children), approved: a second quarter must be hidden with it.
    const ijm = await organizationId(db, "IJM");
    const partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
    const approved = await db.submission.findFirstOrThrow({ where: { organizationId: ijm, period: { year: 2019, quarter: 2 } } });
    await reopenSubmission(admin, { submissionId: approved.id, version: approved.version, reason: "Correction" });
    const form = { "v:O1.1:total": "5", "v:O1.1:SEX=F": "3", "v:O1.1:SEX=M": "2", "v:O1.2:total": "4", "v:O1.3:total": "2" };
    await saveSubmission(partner, {
      slug: "philippines",
      period: "2019Q2",
      organizationId: ijm,
      version: approved.version + 1,
      intent: "submit",
      values: valuesFromForm(form),
    });
    await reviewSubmission(reviewer, { submissionId: approved.id, version: approved.version + 2, decision: "APPROVE", reason: "" });
    const o11 = (await published()).summary.results.find((r) => r.code === "O1.1")!;
    expect(o11.total).not.toBe("<10");
    expect(o11.quarters.find((q) => q.quarter === "2019Q2")!.value).toBe("<10");
    expect(o11.quarters.filter((q) => q.value === "<10").length).toBe(2);
  });

  it("leaves out a submitted but unapproved value, and shows it once approved", async () => {
    const iacat = await organizationId(db, "IACAT");
    const submission = await db.submission.findFirstOrThrow({ where: { organizationId: iacat, period: { year: 2020, quarter: 3 } } });
    const before = quarterValue((await published()).summary, "O2.1", "2020Q3");
    expect(before).not.toBeNull();

    await reopenSubmission(admin, { submissionId: submission.id, version: submission.version, reason: "Correction" });
    expect(quarterValue((await published()).summary, "O2.1", "2020Q3")).toBeNull();

    const form = { "v:O2.1:total": "777", "v:O4.1:total": "9", "v:O5.1:total": "3", "v:O5.2:total": "75" };
    await saveSubmission(encoder, {
      slug: "philippines",
      period: "2020Q3",
      organizationId: iacat,
      version: submission.version + 1,
      intent: "submit",
      values: valuesFromForm(form),
    });
    let { json, csv, summary } = await published();
    expect(quarterValue(summary, "O2.1", "2020Q3")).toBeNull();
    expect(json).not.toContain('"777"');
    expect(csv).not.toMatch(/,777,/);

    await reviewSubmission(reviewer, { submissionId: submission.id, version: submission.version + 2, decision: "APPROVE", reason: "" });
    ({ json, csv, summary } = await published());
    expect(quarterValue(summary, "O2.1", "2020Q3")).toBe("777");
    expect(csv).toMatch(/indicator_quarter,.*,O2\.1,2020Q3,,777,/);
  });

  it("carries no personal data or free-text notes", async () => {
    const { json } = await published();
    expect(json).not.toMatch(/@test\.local|@demo\.local|Correction/);
  });
});
