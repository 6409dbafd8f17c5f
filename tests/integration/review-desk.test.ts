// The review desk on the real data layer: what a reviewer sees beside each figure of a submitted
// report, comments on one indicator reaching the encoder beside it, the change list of a
// resubmission, and the one word for each state. Expected figures come from the seed's own
// illustrative series and from the database, never from the code under test.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { listAuditEvents } from "../../lib/data/audit-log";
import { getQuarterReport } from "../../lib/data/reports";
import { addComment, reopenSubmission, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { valuesFromForm } from "../../lib/quarter/form";
import { indicators, quarterlyValues, reportingQuarters } from "../../prisma/seed/illustrative";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId } from "../factories";
import { refusal } from "../support/errors";
import { databaseDigest, emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor, reviewer: Actor, admin: Actor;
let iacat = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
  iacat = await organizationId(db, "IACAT");
});
afterAll(() => db.$disconnect());

/** The seed's illustrative total of an indicator for a quarter ("2019Q2"). */
function seeded(code: string, quarter: string): number {
  const index = reportingQuarters().findIndex((q) => `${q.year}Q${q.quarter}` === quarter);
  return quarterlyValues(indicators.find((i) => i.code === code)!)[index]!.total;
}

const iacatReport = async (actor: Actor) => {
  const report = await getQuarterReport(actor, "philippines", "2019Q3");
  return report.organizations.find((o) => o.organizationId === iacat)!;
};
const row = (report: Awaited<ReturnType<typeof iacatReport>>, code: string) => report.entry.find((r) => r.code === code)!;

describe("the review desk", () => {
  it("walks a reopened quarter through revision, review with context, an indicator comment, and a resubmission's change list", async () => {
    // 2019Q1 is reopened too: a quarter that is not approved does not count in the running totals.
    const first = await db.submission.findFirstOrThrow({ where: { organizationId: iacat, period: { year: 2019, quarter: 1 } } });
    await reopenSubmission(admin, { submissionId: first.id, version: first.version, reason: "Checked again." });
    const stored = await db.submission.findFirstOrThrow({ where: { organizationId: iacat, period: { year: 2019, quarter: 3 } } });
    await reopenSubmission(admin, { submissionId: stored.id, version: stored.version, reason: "The court records were corrected." });
    let mine = await iacatReport(encoder);
    expect(mine.submission?.state).toBe("REOPENED");

    // The encoder sees, beside each field, last quarter's value, the target and the rule.
    const previousO21 = seeded("O2.1", "2019Q2");
    expect(row(mine, "O2.1").context?.previous[""]).toBe(String(previousO21));
    expect(row(mine, "O2.1").context?.target).toMatchObject({ scope: "YEAR", value: "16" });
    expect(row(mine, "O2.1").rule).toBe("A whole number from 0 to 1,000,000; the total required to submit (0 if none).");

    const form: Record<string, string> = Object.fromEntries(mine.entry.map((r) => [`v:${r.code}:total`, r.values[""]!]));
    const tripled = String(previousO21 * 3 + 3);
    const revised = {
      ...form,
      "v:O2.1:total": tripled,
      "note:O2.1": "Court records for Q3, as corrected.",
      "evidence:O2.1": "https://example.org/evidence/2019q3",
    };
    const save = (version: number, intent: "save" | "submit", values: Record<string, string>) =>
      saveSubmission(encoder, { slug: "philippines", period: "2019Q3", organizationId: iacat, version, intent, values: valuesFromForm(values) });

    await save(mine.version, "save", revised);
    mine = await iacatReport(encoder);
    expect(mine.submission?.state).toBe("REOPENED_REVISING");
    await save(mine.version, "submit", revised);

    // The reviewer sees the note, the evidence link, the previous quarter, the change, the target and the running totals.
    let review = await iacatReport(reviewer);
    expect(review.submission?.state).toBe("SUBMITTED");
    const o21 = row(review, "O2.1");
    expect(o21.values[""]).toBe(tripled);
    expect(o21.note).toBe("Court records for Q3, as corrected.");
    expect(o21.evidence).toBe("https://example.org/evidence/2019q3");
    const rise = previousO21 * 2 + 3;
    expect(o21.context?.change).toBe(`+${rise} (+${Math.round((rise / previousO21) * 100)}%)`);
    const yearToDate = seeded("O2.1", "2019Q2") + Number(tripled);
    expect(o21.context?.target).toEqual({ scope: "YEAR", value: "16", reached: String(yearToDate) });
    const sinceStart = reportingQuarters()
      .map((q) => `${q.year}Q${q.quarter}`)
      .slice(
        0,
        reportingQuarters().findIndex((q) => q.year === 2019 && q.quarter === 3),
      )
      .filter((q) => q !== "2019Q1")
      .reduce((sum, q) => sum + seeded("O2.1", q), Number(tripled));
    expect(o21.context?.toDate).toBe(String(sinceStart));
    expect(o21.context?.flags).toContain(`Up ${Math.round((rise / previousO21) * 100)}% on the previous quarter (flagged beyond 50%)`);
    // O4.1 was resubmitted as seeded: flagged for its change only if the seeded series moved by more than half.
    const [q2, q3] = [seeded("O4.1", "2019Q2"), seeded("O4.1", "2019Q3")];
    expect(row(review, "O4.1").context?.flags.some((f) => /^(Up|Down) /.test(f))).toBe(q2 > 0 && Math.abs(q3 - q2) / q2 > 0.5);
    // A first submission has no change list.
    expect(review.submission?.resubmission).toBeNull();

    // A comment on one indicator; an indicator of another organization's report is refused and writes nothing.
    const submissionId = review.submission!.id;
    const before = await databaseDigest(url);
    expect(await refusal(addComment(reviewer, { submissionId, indicatorCode: "O1.1", body: "Wrong report." }))).toBe("VALIDATION");
    expect(await databaseDigest(url)).toEqual(before);
    await addComment(reviewer, { submissionId, indicatorCode: "O2.1", body: "Tripled on Q2: which court records?" });
    // The audit log finds the comment under its indicator, and not under another.
    const commentsOn = async (code: string) =>
      (await listAuditEvents(reviewer, "philippines", { quarter: "2019Q3", indicator: code, event: "comment.create" })).rows.flatMap((r) => r.changes);
    expect(await commentsOn("O2.1")).toEqual([{ field: "comment on O2.1", from: "—", to: "Tripled on Q2: which court records?" }]);
    expect(await commentsOn("O4.1")).toEqual([]);
    await reviewSubmission(reviewer, { submissionId, version: review.submission!.version, decision: "RETURN", reason: "O2.1 needs its source." });

    // The encoder sees the comment beside O2.1, and only there.
    mine = await iacatReport(encoder);
    expect(mine.submission?.state).toBe("RETURNED");
    expect(row(mine, "O2.1").comments.map((c) => c.body)).toEqual(["Tripled on Q2: which court records?"]);
    expect(row(mine, "O4.1").comments).toEqual([]);
    expect(mine.submission?.comments.find((c) => c.body.startsWith("Tripled"))?.indicator).toMatch(/^O2\.1 /);

    // Corrected and resubmitted: the reviewer sees only that change listed.
    await save(mine.version, "submit", { ...revised, "v:O2.1:total": String(previousO21 + 1) });
    review = await iacatReport(reviewer);
    expect(review.submission?.resubmission).toEqual({
      round: 2,
      changes: [{ code: "O2.1", field: "Total", from: tripled, to: String(previousO21 + 1) }],
    });
    await reviewSubmission(reviewer, { submissionId, version: review.submission!.version, decision: "APPROVE", reason: "" });
    expect((await iacatReport(reviewer)).submission?.state).toBe("APPROVED");
  });

  it("shows nothing of the context to those who may not see the organization's raw figures", async () => {
    const partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
    const report = await iacatReport(partner);
    expect(report.entry.every((r) => r.context === null && r.comments.length === 0)).toBe(true);
  });
});
