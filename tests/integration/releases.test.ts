// What the public sees is a release: numbered, dated, immutable, approved quarters only, child
// counts as rounded totals that no comparison of releases can turn back into a small count.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { readLatestReleaseUncached, readReleaseHistoryUncached, readReleaseUncached, releaseNumberAsOf } from "../../lib/data/releases";
import { reopenSubmission, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { summaryToCsv } from "../../lib/open-data";
import { valuesFromForm } from "../../lib/quarter/form";
import type { PublicRelease } from "../../lib/releases/content";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId } from "../factories";
import { attack, givesAwaySmallCount } from "../support/attacker";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor, partner: Actor, tsaPartner: Actor, reviewer: Actor, admin: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
  tsaPartner = await createUser(db, { role: "PARTNER", organization: "The Salvation Army", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
}, 120_000);
afterAll(() => db.$disconnect());

const latest = async () => (await readLatestReleaseUncached("philippines"))!;
const every = async (slug = "philippines"): Promise<PublicRelease[]> => {
  const { releases } = (await readReleaseHistoryUncached(slug))!;
  return Promise.all(releases.map(async (r) => (await readReleaseUncached(slug, r.number))!));
};
const series = (r: PublicRelease, code: string) => r.summary.results.find((s) => s.code === code)!;
const quarterValue = (r: PublicRelease, code: string, quarter: string) => series(r, code).quarters.find((q) => q.quarter === quarter)!.value;
const recoveredCounts = (releases: PublicRelease[]) => ["O1.1", "O3.2"].flatMap((code) => attack(releases, code).filter(givesAwaySmallCount));

/** Reopens a seeded report, enters `form` as its organization and approves it. */
async function revise(organization: string, period: string, by: Actor, form: Record<string, string>) {
  const [year, quarter] = period.split("Q").map(Number);
  const report = await db.submission.findFirstOrThrow({ where: { organizationId: await organizationId(db, organization), period: { year, quarter } } });
  await reopenSubmission(admin, { submissionId: report.id, version: report.version, reason: `Correction of ${period}` });
  await saveSubmission(by, {
    slug: "philippines",
    period,
    organizationId: report.organizationId,
    version: report.version + 1,
    intent: "submit",
    values: valuesFromForm(form),
  });
  await reviewSubmission(reviewer, { submissionId: report.id, version: report.version + 2, decision: "APPROVE", reason: "" });
}

describe("the seeded record", () => {
  it("grows release by release from 2017 to 2021, dated, and the as-of view shows what was public then", async () => {
    const { releases } = (await readReleaseHistoryUncached("philippines"))!;
    expect(releases.length).toBeGreaterThan(50);
    expect(releases.at(-1)!.publishedAt.slice(0, 10)).toBe("2017-04-11");
    expect(releases.filter((r) => r.trigger === "approval").every((r) => r.dateIllustrative && r.event.endsWith("(illustrative)"))).toBe(true);

    expect(await releaseNumberAsOf("philippines", "2017-01-01")).toBeNull();
    const end2018 = (await readReleaseUncached("philippines", (await releaseNumberAsOf("philippines", "2018-12-31"))!))!;
    expect(end2018.release.publishedAt.slice(0, 10) <= "2018-12-31").toBe(true);
    expect(end2018.release.supersededAt! > "2018-12-31").toBe(true);
    // IJM's 2018Q4 report was approved (illustratively) on 30 January 2019: not public yet on 31 December 2018.
    expect(quarterValue(end2018, "O1.2", "2018Q3")).not.toBeNull();
    expect(quarterValue(end2018, "O1.2", "2018Q4")).toBeNull();
    expect(end2018.summary.partnership.status).toBe("ACTIVE");
    expect(end2018.summary.headlineResults).toEqual([]);
    expect(end2018.summary.funding.statements.map((s) => s.statedOn)).not.toContain("2021-04-29");
    expect((await latest()).summary.headlineResults.map((r) => r.value)).toEqual(["312", "97", "82", "355", "44"]);
  });

  it("cites every published source by title, publisher and address, never by an internal key", async () => {
    const r = await latest();
    const text = JSON.stringify(r.summary);
    expect(text).not.toMatch(/\bS[1-8]\b/);
    expect(r.summary.headlineResults.every((h) => h.source.url?.startsWith("https://"))).toBe(true);
    const iacat = r.summary.funding.statements.find((s) => s.statedOn === "2021-04-29" && s.party === "IACAT")!;
    expect([iacat.amount, iacat.approximate, iacat.statedEquivalent]).toEqual(["44600000.00", true, "921760.00"]);
    const combined = r.summary.funding.statements.find((s) => s.amount === "5100000.00")!;
    expect(combined.countsInTotals).toBe(false);
    expect(combined.note).toMatch(/Not reconcilable/);
    expect(combined.source!.url).toBe("https://ntucphl.org/?p=71710");
  });

  it("gives each of the other six partnerships a release with its sourced headline facts", async () => {
    for (const slug of ["ghana", "peru", "jamaica", "mongolia", "colombia", "cote-divoire"]) {
      const r = (await readLatestReleaseUncached(slug))!;
      expect(r.release.number).toBe(1);
      expect(r.summary.partnership.usFundingStatement).toMatch(/USD/);
      expect(r.summary.partnership.sources.length, slug).toBeGreaterThan(0);
      expect(r.summary.results).toEqual([]);
    }
    const ghana = (await readLatestReleaseUncached("ghana"))!.summary.partnership.sources.map((s) => s.url);
    expect(ghana).toEqual([
      "https://www.state.gov/child-protection-compact-partnerships-ghana/",
      "https://gh.usembassy.gov/u-s-ghana-sign-first-child-protection-compact-partnership/",
    ]);
  });

  it("keeps releases as they were published: the database refuses to change or delete one, and each digest is its content's", async () => {
    const row = await db.release.findFirstOrThrow({ where: { number: 3 } });
    expect(createHash("sha256").update(row.content).digest("hex")).toBe(row.digest);
    await expect(db.release.update({ where: { id: row.id }, data: { event: "rewritten" } })).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.release.delete({ where: { id: row.id } })).rejects.toThrow(/cannot be changed or deleted/);
    expect((await db.release.findUniqueOrThrow({ where: { id: row.id } })).event).toBe(row.event);
  });
});

describe("disclosure control across releases", () => {
  it("publishes no child count by quarter and no total below 10 that is not rounded", async () => {
    for (const r of await every()) {
      for (const s of r.summary.results.filter((x) => x.sensitive)) {
        expect(s.quarters.every((q) => q.value === null)).toBe(true);
        expect(s.total === null || (s.totalRounded && Number(s.total) % 10 === 0)).toBe(true);
      }
    }
  });

  it("lets no comparison of the seeded releases recover a count from 1 to 9", async () => {
    expect(recoveredCounts(await every())).toEqual([]);
  });

  // Measured before releases: approving an O1.1 quarter of 5 showed it as "<10" while the total
  // went from 276 to 281.
  it("does not give away a quarter of 5 children approved after a correction", async () => {
    const before = await latest();
    await revise("IJM", "2019Q2", partner, { "v:O1.1:total": "5", "v:O1.1:SEX=F": "3", "v:O1.1:SEX=M": "2", "v:O1.2:total": "4", "v:O1.3:total": "2" });
    const after = await latest();
    expect(after.release.number).toBe(before.release.number + 2);
    expect(quarterValue(after, "O1.1", "2019Q2")).toBeNull();
    expect(series(after, "O1.1").counted).toContain(series(after, "O1.1").counted.find((k) => k.startsWith("2019Q2."))!);
    expect(recoveredCounts(await every())).toEqual([]);
  });

  // Measured before releases: reopening O3.2's 2021Q2 moved its total from 44 to 41, so the hidden quarter was 3.
  it("does not give away the quarter a reopening takes out of a total", async () => {
    const tsa = await organizationId(db, "The Salvation Army");
    const report = await db.submission.findFirstOrThrow({ where: { organizationId: tsa, period: { year: 2021, quarter: 2 } } });
    await reopenSubmission(admin, { submissionId: report.id, version: report.version, reason: "The aftercare count double-counted a transfer" });
    const reopened = await latest();
    expect(reopened.release.reason).toBe("The aftercare count double-counted a transfer");
    expect(recoveredCounts(await every())).toEqual([]);

    await saveSubmission(tsaPartner, {
      slug: "philippines",
      period: "2021Q2",
      organizationId: tsa,
      version: report.version + 1,
      intent: "submit",
      values: valuesFromForm({
        "v:O3.1:total": "20",
        "v:O3.1:SEX=F": "12",
        "v:O3.1:SEX=M": "8",
        "v:O3.2:total": "2",
        "v:O3.2:SEX=F": "1",
        "v:O3.2:SEX=M": "1",
      }),
    });
    await reviewSubmission(reviewer, { submissionId: report.id, version: report.version + 2, decision: "APPROVE", reason: "" });
    expect(recoveredCounts(await every())).toEqual([]);
  });
});

describe("publishing", () => {
  it("publishes on approval and on reopening only, and the revisions list the changed figures with the reason", async () => {
    const iacat = await organizationId(db, "IACAT");
    const report = await db.submission.findFirstOrThrow({ where: { organizationId: iacat, period: { year: 2020, quarter: 3 } } });
    const start = (await latest()).release.number;
    const was = quarterValue(await latest(), "O2.1", "2020Q3");

    await reopenSubmission(admin, { submissionId: report.id, version: report.version, reason: "Referral count included a duplicate" });
    expect(quarterValue(await latest(), "O2.1", "2020Q3")).toBeNull();
    const form = { "v:O2.1:total": "777", "v:O4.1:total": "9", "v:O5.1:total": "3", "v:O5.2:total": "75" };
    await saveSubmission(encoder, {
      slug: "philippines",
      period: "2020Q3",
      organizationId: iacat,
      version: report.version + 1,
      intent: "submit",
      values: valuesFromForm(form),
    });
    let r = await latest();
    expect(r.release.number).toBe(start + 1);
    expect(JSON.stringify(r)).not.toContain('"777"');

    await reviewSubmission(reviewer, { submissionId: report.id, version: report.version + 2, decision: "APPROVE", reason: "" });
    r = await latest();
    expect(r.release.number).toBe(start + 2);
    expect(quarterValue(r, "O2.1", "2020Q3")).toBe("777");
    expect(r.release.event).toBe("IACAT's report for 2020Q3 approved");
    expect(summaryToCsv(r)).toMatch(/indicator_quarter,.*,O2\.1,2020Q3,count,777,/);

    const { releases } = (await readReleaseHistoryUncached("philippines"))!;
    const reopening = releases.find((x) => x.number === start + 1)!;
    expect(reopening.reason).toBe("Referral count included a duplicate");
    expect(reopening.changes).toContainEqual({
      figure: "O2.1 Suspected child labor trafficking cases referred for case build-up: 2020Q3",
      from: was,
      to: null,
    });
    expect(releases.find((x) => x.number === start + 2)!.changes).toContainEqual({
      figure: "O2.1 Suspected child labor trafficking cases referred for case build-up: 2020Q3",
      from: null,
      to: "777",
    });
    // A real approved value replaces an illustrative one and loses the label.
    expect(series(r, "O2.1").quarters.find((q) => q.quarter === "2020Q3")!.illustrative).toBe(false);
    expect(series(r, "O2.1").quarters.find((q) => q.quarter === "2020Q2")!.illustrative).toBe(true);
  });

  it("carries units and the funding statements' rates and sources in the CSV, and no personal data or notes", async () => {
    const r = await latest();
    const csv = summaryToCsv(r);
    const [header, ...lines] = csv.split("\r\n");
    expect(header).toContain("unit,value,currency,qualifier,stated_equivalent,stated_equivalent_currency,exchange_rate_php_per_usd,rate_date,rate_source");
    expect(lines.find((l) => l.includes(",O5.2,2020Q1,"))).toMatch(/,percent,/);
    expect(lines.find((l) => l.includes("Awards to IJM"))).toMatch(/,money,3500000\.00,USD,exact,175000000\.00,PHP,50(\.0+)?,2017-10-19,/);
    expect(lines.find((l) => l.includes("Awards to IJM"))).toContain("https://www.doj.gov.ph/news_article.html?newsid=568");
    expect(JSON.stringify(r) + csv).not.toMatch(/@test\.local|@demo\.local|Test (admin|reviewer)/);
  });
});
