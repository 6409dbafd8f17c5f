// The annual dialogue and its pack: key indicators marked in advance (with warnings where a year
// has no target or no approved data), the pack's target, actual and variance from the live
// figures or a release, and the PDF whose text a reader (pdftotext) gets back. Expected figures
// come from the seed's illustrative series and the release's own JSON, never from the code under test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { addDecision, getDialoguePack, getDialogueRecord, listDialogues, recordMinutes, saveDialogue } from "../../lib/data/dialogues";
import { reopenSubmission } from "../../lib/data/submissions";
import { getSustainability, saveSustainabilityPlan } from "../../lib/data/sustainability";
import type { ReleaseContent } from "../../lib/releases/content";
import { indicators, quarterlyValues, reportingQuarters } from "../../prisma/seed/illustrative";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { databaseDigest, emptyTables, testDb } from "../support/database";
import { refusal } from "../support/errors";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/session", () => ({ getCurrentActor: async () => session.actor }));

const url = inject("databaseUrl");
const db = testDb(url);
let reviewer: Actor, encoder: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
});
afterAll(() => db.$disconnect());

/** The seed's illustrative total of an indicator for a quarter ("2019Q2"). */
function seeded(code: string, quarter: string): number {
  const index = reportingQuarters().findIndex((q) => `${q.year}Q${q.quarter}` === quarter);
  return quarterlyValues(indicators.find((i) => i.code === code)!)[index]!.total;
}
// 2019Q4 is reopened in the first test of the pack: the live figures count the other three.
const year2019 = ["2019Q1", "2019Q2", "2019Q3"];

const dialogueOf = async (year: number) => (await listDialogues(reviewer, "philippines")).dialogues.find((d) => d.year === year)!;

describe("the annual dialogues", () => {
  it("are seeded for each year, with key indicators and a warning where a year has no annual target", async () => {
    const view = await listDialogues(reviewer, "philippines");
    expect(view.dialogues.map((d) => [d.year, d.heldOn, d.illustrative])).toEqual([
      [2021, "2021-04-29", true],
      [2020, "2020-11-17", true],
      [2019, "2019-11-19", true],
      [2018, "2018-11-06", true],
    ]);
    const d2019 = view.dialogues.find((d) => d.year === 2019)!;
    expect(d2019.indicators.map((i) => [i.code, i.warnings])).toEqual([
      ["O1.2", ["No annual target for 2019"]],
      ["O2.1", []],
      ["O4.1", []],
      ["O5.1", []],
    ]);
    expect(view.canManage).toBe(true);
    expect((await listDialogues(encoder, "philippines")).canManage).toBe(false);
  });

  it("gives the pack's target, actual and variance from the live approved figures", async () => {
    // IACAT's 2019Q4 is reopened: a quarter that is not approved does not count.
    const admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
    const q4 = await db.submission.findFirstOrThrow({ where: { organization: { shortName: "IACAT" }, period: { year: 2019, quarter: 4 } } });
    await reopenSubmission(admin, { submissionId: q4.id, version: q4.version, reason: "Checked again." });
    const pack = await getDialoguePack(reviewer, "philippines", (await dialogueOf(2019)).id, "live");
    expect(pack.basis.kind).toBe("live");
    const o21 = pack.indicators.find((i) => i.code === "O2.1")!;
    const actual = year2019.reduce((sum, q) => sum + seeded("O2.1", q), 0);
    expect(o21).toMatchObject({ target: "16", actual: String(actual), variance: String(actual - 16), met: actual >= 16 });
    expect(o21.variancePercent).toBe((Math.round(((actual - 16) / 16) * 1000) / 10).toFixed(1));
    expect(o21.quarters.map((q) => [q.quarter, q.value])).toEqual(year2019.map((q) => [q, String(seeded("O2.1", q))]));
    expect(o21.quarters.every((q) => /^approved \d{4}-\d{2}-\d{2} \(IACAT\)$/.test(q.basis))).toBe(true);
    // The trend: each year's sum of the approved quarters.
    const yearSum = (year: number) =>
      reportingQuarters()
        .filter((q) => q.year === year && !(year === 2019 && q.quarter === 4))
        .reduce((sum, q) => sum + seeded("O2.1", `${q.year}Q${q.quarter}`), 0);
    expect(o21.trend).toEqual([2017, 2018, 2019, 2020, 2021].map((year) => ({ year, actual: String(yearSum(year)) })));
    // The reopened quarter's reason is an open issue of the year.
    expect(pack.openIssues.map((c) => [c.quarter, c.organization, c.status, c.body])).toEqual([["2019Q4", "IACAT", "RETURNED", "Reopened: Checked again."]]);
    // No target set stays a state: no variance, no verdict.
    expect(pack.indicators.find((i) => i.code === "O1.2")).toMatchObject({ target: null, variance: null, met: null });
  });

  it("gives the figures of the release in force on the dialogue's date by default, as that release published them", async () => {
    const dialogue = await dialogueOf(2019);
    const pack = await getDialoguePack(reviewer, "philippines", dialogue.id, null);
    expect(pack.basis.kind).toBe("release");
    const number = pack.basis.kind === "release" ? pack.basis.number : 0;
    const release = await db.release.findFirstOrThrow({ where: { number, partnership: { slug: "philippines" } } });
    expect(release.publishedAt.getTime()).toBeLessThan(new Date("2019-11-20T00:00:00Z").getTime());
    const later = await db.release.findFirst({ where: { number: number + 1, partnership: { slug: "philippines" } } });
    expect(later === null || later.publishedAt.getTime() >= new Date("2019-11-20T00:00:00Z").getTime()).toBe(true);
    const content = JSON.parse(release.content) as ReleaseContent;
    const published = content.results.find((r) => r.code === "O4.1")!.quarters.filter((q) => q.quarter.startsWith("2019") && q.value !== null);
    const o41 = pack.indicators.find((i) => i.code === "O4.1")!;
    expect(o41.actual).toBe(String(published.reduce((sum, q) => sum + Number(q.value), 0)));
    expect(o41.quarters.filter((q) => q.value !== null).map((q) => q.basis)).toEqual(published.map(() => `published in release ${number}`));
    expect(pack.funding?.fromRelease).toBe(number);
    expect(await refusal(getDialoguePack(reviewer, "philippines", dialogue.id, 99999))).toBe("NOT_FOUND");
  });

  it("is created or changed by a reviewer of the partnership, audited; refused to an encoder, writing nothing", async () => {
    const before = await databaseDigest(url);
    const input = { slug: "philippines", year: 2020, heldOn: "2020-12-01", place: "Manila", participants: "TIP Office; IACAT", indicators: ["O1.1", "O2.1"] };
    expect(await refusal(saveDialogue(encoder, input))).toBe("FORBIDDEN");
    expect(await refusal(saveDialogue(reviewer, { ...input, indicators: ["X9"] }))).toBe("VALIDATION");
    expect(await refusal(saveDialogue(reviewer, { ...input, year: 2030 }))).toBe("VALIDATION");
    expect(await databaseDigest(url)).toEqual(before);

    expect(await saveDialogue(reviewer, input)).toMatchObject({ created: false });
    const changed = await dialogueOf(2020);
    expect([changed.heldOn, changed.place, changed.illustrative, changed.indicators.map((i) => i.code)]).toEqual([
      "2020-12-01",
      "Manila",
      false,
      ["O1.1", "O2.1"],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "dialogue.save" }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ heldOn: "2020-11-17", indicators: ["O2.1", "O4.1", "O5.1"] });
    expect(audit.after).toMatchObject({ heldOn: "2020-12-01", indicators: ["O1.1", "O2.1"] });
  });
});

describe("the record after a dialogue", () => {
  it("keeps the pack's figures with the first minutes or decision, links decisions to them, and keeps them as they were", async () => {
    const dialogue = await dialogueOf(2019);
    const before = await databaseDigest(url);
    const decision = { slug: "philippines", dialogueId: dialogue.id, text: "Raise the case build-up target for 2020.", indicators: ["O2.1"] };
    expect(await refusal(addDecision(encoder, decision))).toBe("FORBIDDEN");
    expect(await refusal(addDecision(reviewer, { ...decision, indicators: ["O1.1"] }))).toBe("VALIDATION");
    expect(await databaseDigest(url)).toEqual(before);

    await addDecision(reviewer, decision);
    let record = await getDialogueRecord(reviewer, "philippines", dialogue.id);
    const kept = record.figures.find((f) => f.code === "O2.1")!;
    // Kept as the default pack showed it: the release in force on the dialogue's date.
    const pack = await getDialoguePack(reviewer, "philippines", dialogue.id, null);
    expect(record.basis).toBe(
      `release ${pack.basis.kind === "release" ? pack.basis.number : 0} of ${pack.basis.kind === "release" ? pack.basis.publishedAt.slice(0, 10) : ""}`,
    );
    expect(kept).toMatchObject({ target: "16", actual: pack.indicators.find((k) => k.code === "O2.1")!.actual });
    expect(record.decisions.map((d) => [d.text, d.indicatorCodes])).toEqual([["Raise the case build-up target for 2020.", ["O2.1"]]]);
    const recordedAt = record.recordedAt;

    // The target changes later; the record keeps what was discussed, and minutes do not take a new copy.
    const o21 = await db.indicator.findFirstOrThrow({ where: { code: "O2.1", objective: { partnership: { slug: "philippines" } } } });
    await db.target.update({
      where: { indicatorId_scope_year_quarter: { indicatorId: o21.id, scope: "YEAR", year: 2019, quarter: 0 } },
      data: { value: "20" },
    });
    await recordMinutes(reviewer, { slug: "philippines", dialogueId: dialogue.id, minutes: "O2.1 was discussed; IACAT will report referrals by region." });
    record = await getDialogueRecord(reviewer, "philippines", dialogue.id);
    expect(record.recordedAt).toBe(recordedAt);
    expect(record.figures.find((f) => f.code === "O2.1")!.target).toBe("16");
    expect((await getDialoguePack(reviewer, "philippines", dialogue.id, "live")).indicators.find((k) => k.code === "O2.1")!.target).toBe("20");
    expect(record.minutes).toBe("O2.1 was discussed; IACAT will report referrals by region.");
    expect(await db.auditEvent.count({ where: { action: { in: ["dialogue.decision", "dialogue.minutes"] }, entityId: dialogue.id } })).toBe(2);
    await db.target.update({
      where: { indicatorId_scope_year_quarter: { indicatorId: o21.id, scope: "YEAR", year: 2019, quarter: 0 } },
      data: { value: "16" },
    });
  });
});

describe("the sustainability plan", () => {
  it("is seeded for each objective, illustrative, and read by everyone who sees the dashboard", async () => {
    const partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
    const view = await getSustainability(partner, "philippines");
    expect(view.government).toBe("IACAT");
    expect(view.canEdit).toBe(false);
    expect(view.objectives.map((o) => [o.code, o.plan?.illustrative, o.plan?.indicatorsKept])).toEqual([
      ["O1", true, ["O1.2", "O1.3"]],
      ["O2", true, ["O2.1"]],
      ["O3", true, []],
      ["O4", true, ["O4.1"]],
      ["O5", true, ["O5.1", "O5.2"]],
    ]);
  });

  it("is written by the partner government's encoder alone, audited; others are refused and nothing is written", async () => {
    const input = {
      slug: "philippines",
      objectiveCode: "O3",
      continues: "Shelters keep the trauma-informed care protocol.",
      carriedBy: "DSWD",
      indicatorsKept: ["O3.1"],
    };
    const tsaEncoder = await createUser(db, { role: "ENCODER", organization: "The Salvation Army", partnerships: ["philippines"] });
    const before = await databaseDigest(url);
    expect(await refusal(saveSustainabilityPlan(reviewer, input))).toBe("FORBIDDEN");
    expect(await refusal(saveSustainabilityPlan(tsaEncoder, input))).toBe("FORBIDDEN");
    expect(await refusal(saveSustainabilityPlan(encoder, { ...input, indicatorsKept: ["O2.1"] }))).toBe("VALIDATION");
    expect(await databaseDigest(url)).toEqual(before);

    expect((await getSustainability(encoder, "philippines")).canEdit).toBe(true);
    await saveSustainabilityPlan(encoder, input);
    const o3 = (await getSustainability(reviewer, "philippines")).objectives.find((o) => o.code === "O3")!;
    expect(o3.plan).toMatchObject({
      continues: "Shelters keep the trauma-informed care protocol.",
      carriedBy: "DSWD",
      indicatorsKept: ["O3.1"],
      illustrative: false,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sustainability.save" }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ objective: "O3", carriedBy: "DSWD", indicatorsKept: [] });
    expect(audit.after).toMatchObject({ objective: "O3", indicatorsKept: ["O3.1"] });
  });
});

describe("the pack as a PDF", () => {
  it("downloads for a signed-in user, and its text holds each key indicator's target, actual and variance", async () => {
    const dialogue = await dialogueOf(2019);
    const { GET } = await import("../../app/api/partnerships/[slug]/dialogues/[id]/pack.pdf/route");
    const get = (query: string) =>
      GET(new Request(`http://localhost:3000/api/partnerships/philippines/dialogues/${dialogue.id}/pack.pdf${query}`), {
        params: Promise.resolve({ slug: "philippines", id: dialogue.id }),
      });
    session.actor = null;
    expect((await get("?live=1")).status).toBe(401);
    session.actor = reviewer;
    expect((await get("?release=abc")).status).toBe(422);
    const response = await get("?live=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="philippines-dialogue-2019-live.pdf"');
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pack-")), "pack.pdf");
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const actual = year2019.reduce((sum, q) => sum + seeded("O2.1", q), 0);
    const percent = (Math.round(((actual - 16) / 16) * 1000) / 10).toFixed(1);
    expect(text).toContain("2019 high-level dialogue pack");
    expect(text).toContain("NOT YET PUBLISHED");
    expect(text).toContain("O2.1 Suspected child labor trafficking cases referred for case build-up");
    // In the PDF's standard font a minus is a hyphen-minus.
    const sign = actual >= 16 ? "+" : "-";
    expect(text).toContain(
      `Annual target 2019: 16 (illustrative) | Actual: ${actual} | Variance: ${sign}${Math.abs(actual - 16)} (${sign}${percent.replace("-", "")}%)`,
    );
    expect(text).toContain("O1.2 Perpetrators of trafficking crimes arrested");
    expect(text).toContain("Annual target 2019: — | Actual:");
    expect(text).toContain("No target set");
    expect(text).toContain("IACAT's contributions (as recorded now) Pledged PHP 44,600,000 (USD 921,760); delivered to date PHP 41,800,000");
    // The year's approved narratives: IACAT's 2019Q4 is reopened, so its narrative is left out.
    expect(text).toContain("Narrative of 2019 (approved, not published)");
    expect(text).toContain(
      "O2, 2019Q3, IACAT (illustrative) Progress: Illustrative: in 2019Q3, cases of suspected child labor trafficking were referred for case build-up.",
    );
    expect(text).not.toContain("in 2019Q4, cases of suspected child labor trafficking");
    expect(text).toContain("in 2019Q4, OSEC operations");
    expect(text).toContain("Sustainability plan (as it stands now)");
    expect(text).toContain("Decision 1: Raise the case build-up target for 2020.");
    expect(text).toMatch(/O2\.1: target 16, actual \d+, variance [-+]?\d+ \([-+]?[\d.]+%\) \(as discussed\)/);
    expect(text).toContain(
      "O2 Identify and respond to child labor trafficking What continues: Referral of suspected child labor trafficking cases for case build-up. (illustrative)",
    );
  });
});
