// Targets through the server actions a form posts to, as each role: who may set, change and
// clear a target, what the audit log keeps, what a bad entry says under its field, and what the
// targets page and the partnership's overview show afterwards. Only the session lookup is
// replaced; permissions, validation and the data layer are the real ones.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import type { ActionResult } from "../../lib/action-result";
import { clearTargetAction, setTargetAction } from "../../app/dashboard/[slug]/targets/actions";
import { getPartnershipDashboard } from "../../lib/data/partnership-dashboard";
import { clearTarget, getTargetsPage, setTarget } from "../../lib/data/targets";
import { parseDashboardFilters } from "../../lib/validation/dashboard-filters";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { session } from "../support/mock-session";
import { digestBesidesRefusals, emptyTables, testDb } from "../support/database";

vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const url = inject("databaseUrl");
const db = testDb(url);
let reviewer: Actor, admin: Actor, ghanaReviewer: Actor, encoder: Actor, partner: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
  ghanaReviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["ghana"] });
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
  for (const i of await db.indicator.findMany({ where: { objective: { partnership: { slug: "philippines" } } }, select: { id: true, code: true } })) {
    ids[i.code] = i.id;
  }
});
afterAll(() => db.$disconnect());

// O1.2 (a count, no seeded targets) starts each test with no target for any year.
beforeEach(async () => {
  await db.target.deleteMany({ where: { indicatorId: ids["O1.2"] } });
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

type Fields = { code?: string; scope?: string; year?: string; quarter?: string; expected?: string; value?: string; note?: string };

async function as(actor: Actor | null, action: typeof setTargetAction, fields: Fields): Promise<ActionResult> {
  session.actor = actor;
  const { code = "O1.2", ...rest } = fields;
  return action({ ok: false }, form({ indicatorId: ids[code]!, scope: "YEAR", quarter: "0", expected: "", ...rest }));
}
const set = (actor: Actor | null, fields: Fields) => as(actor, setTargetAction, fields);
const clear = (actor: Actor | null, fields: Fields) => as(actor, clearTargetAction, fields);

/** What the targets page shows for an indicator's year: the value, or null for "No target set". */
async function pageYear(code: string, year: number) {
  const page = await getTargetsPage(reviewer, "philippines");
  const indicator = page.objectives.flatMap((o) => o.indicators).find((i) => i.code === code)!;
  return indicator.years.find((y) => y.year === year)!;
}

const targetAudits = (action: string) =>
  db.auditEvent.findMany({
    where: { action, entityType: "Target" },
    orderBy: { occurredAt: "asc" },
    select: { actorEmail: true, partnershipId: true, before: true, after: true },
  });

describe("setting a yearly target", () => {
  it("lets the partnership's reviewer set and change a target, with the value before and after in the audit log", async () => {
    const philippines = (await db.partnership.findUniqueOrThrow({ where: { slug: "philippines" } })).id;
    expect((await pageYear("O1.2", 2019)).target).toBeNull();

    const first = await set(reviewer, { year: "2019", value: "20", note: "Agreed at the 2018 dialogue." });
    expect(first).toEqual({ ok: true, message: "Set the target of O1.2 for 2019 to 20." });
    expect((await pageYear("O1.2", 2019)).target).toEqual({ value: "20", note: "Agreed at the 2018 dialogue.", illustrative: false });

    const second = await set(reviewer, { year: "2019", expected: "20", value: "22" });
    expect(second).toEqual({ ok: true, message: "Changed the target of O1.2 for 2019 to 22." });
    expect((await pageYear("O1.2", 2019)).target).toEqual({ value: "22", note: null, illustrative: false });
    expect(await db.target.count({ where: { indicatorId: ids["O1.2"], scope: "YEAR", year: 2019 } })).toBe(1);

    const audits = (await targetAudits("target.set")).slice(-2);
    const key = { indicator: "O1.2", scope: "YEAR", year: 2019, quarter: 0 };
    expect(audits).toEqual([
      {
        actorEmail: reviewer.email,
        partnershipId: philippines,
        before: null,
        after: { ...key, value: "20", note: "Agreed at the 2018 dialogue.", illustrative: false },
      },
      {
        actorEmail: reviewer.email,
        partnershipId: philippines,
        before: { ...key, value: "20", note: "Agreed at the 2018 dialogue.", illustrative: false },
        after: { ...key, value: "22", note: null, illustrative: false },
      },
    ]);
  });

  it("shows a seeded target as illustrative until someone sets it in the app", async () => {
    expect((await pageYear("O2.1", 2019)).target).toEqual({ value: "16", note: null, illustrative: true });
    expect(await set(admin, { code: "O2.1", year: "2019", expected: "16", value: "16" })).toMatchObject({ ok: true });
    expect((await pageYear("O2.1", 2019)).target).toEqual({ value: "16", note: null, illustrative: false });
  });

  it("sets a quarterly target within the partnership's reporting quarters", async () => {
    expect(await set(reviewer, { scope: "QUARTER", year: "2017", quarter: "3", value: "4" })).toMatchObject({ ok: true });
    const year = await pageYear("O1.2", 2017);
    expect(year.target).toBeNull();
    // The partnership reports from 2017Q2: 2017 has three quarters.
    expect(year.quarters.map((q) => [q.label, q.target?.value ?? null])).toEqual([
      ["2017Q2", null],
      ["2017Q3", "4"],
      ["2017Q4", null],
    ]);
    const before2017Q2 = await set(reviewer, { scope: "QUARTER", year: "2017", quarter: "1", value: "4" });
    expect(before2017Q2).toMatchObject({
      ok: false,
      code: "VALIDATION",
      errors: { quarter: ["Choose a quarter the partnership reports, from 2017Q2 to 2021Q2."] },
    });
  });

  it("refuses a reviewer of another partnership, an encoder and a partner, and writes nothing", async () => {
    for (const actor of [ghanaReviewer, encoder, partner]) {
      const before = await digestBesidesRefusals(url);
      expect(await set(actor, { year: "2019", value: "20" }), actor.role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await clear(actor, { code: "O2.1", year: "2019", expected: "16" }), actor.role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      // The data layer checks again on the exact partnership, whoever calls it.
      const key = { indicatorId: ids["O1.2"]!, scope: "YEAR" as const, year: 2019, quarter: 0, expected: "" };
      await expect(setTarget(actor, { ...key, value: "20", note: null }), actor.role).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(clearTarget(actor, { ...key, indicatorId: ids["O2.1"]!, expected: "16" }), actor.role).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await digestBesidesRefusals(url)).toEqual(before);
    }
    expect((await pageYear("O1.2", 2019)).target).toBeNull();
    expect((await pageYear("O2.1", 2019)).target?.value).toBe("16");
  });

  it("says under the field what is wrong with a bad entry, and writes nothing", async () => {
    const before = await digestBesidesRefusals(url);
    const cases: [Fields, string, string][] = [
      [{ year: "2019", value: "-5" }, "value", "Enter a whole number of 0 or more, without commas."],
      [{ year: "2019", value: "1.234" }, "value", "Enter a whole number of 0 or more, without commas."],
      [{ code: "O5.2", year: "2019", value: "12.345" }, "value", "Enter a number of 0 or more, with at most two decimals."],
      [{ year: "2019", value: "2.5" }, "value", "Counts are whole numbers: remove the decimals."],
      [{ year: "2019", value: "1000001" }, "value", "A count target is at most 1,000,000: check the figure."],
      [{ code: "O5.2", year: "2019", value: "100.5" }, "value", "A percentage is from 0 to 100."],
      [{ year: "2030", value: "20" }, "year", "Choose a year of the partnership, from 2017 to 2021."],
      [{ year: "2016", value: "20" }, "year", "Choose a year of the partnership, from 2017 to 2021."],
      [{ year: "2019", value: "" }, "value", "Enter the target, or use Clear to remove it."],
      [{ year: "2019", value: "20", note: "x".repeat(501) }, "note", "Use at most 500 characters."],
    ];
    for (const [fields, field, message] of cases) {
      const result = await set(reviewer, fields);
      expect(result, JSON.stringify(fields)).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(result.errors?.[field], JSON.stringify(fields)).toEqual([message]);
    }
    expect(await digestBesidesRefusals(url)).toEqual(before);
  });

  it("refuses a change made against a value someone else has since changed, and keeps one row when two set the same target", async () => {
    const [a, b] = await Promise.all([set(reviewer, { year: "2020", value: "30" }), set(admin, { year: "2020", value: "31" })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    expect(await db.target.count({ where: { indicatorId: ids["O1.2"], scope: "YEAR", year: 2020 } })).toBe(1);
    const stored = (await pageYear("O1.2", 2020)).target!.value;

    const before = await digestBesidesRefusals(url);
    const stale = stored === "30" ? "31" : "30";
    expect(await set(reviewer, { year: "2020", expected: stale, value: "40" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await clear(reviewer, { year: "2020", expected: stale })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await set(reviewer, { year: "2020", expected: "", value: "40" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await digestBesidesRefusals(url)).toEqual(before);
  });
});

describe("clearing a target", () => {
  it("removes the row, so the page says No target set (null, never 0), and audits the value it had", async () => {
    await set(reviewer, { year: "2018", value: "12" });
    const result = await clear(reviewer, { year: "2018", expected: "12" });
    expect(result).toEqual({ ok: true, message: 'Cleared the target of O1.2 for 2018: it now shows "No target set".' });
    expect(await db.target.findMany({ where: { indicatorId: ids["O1.2"], scope: "YEAR", year: 2018 } })).toEqual([]);
    expect((await pageYear("O1.2", 2018)).target).toBeNull();
    const [audit] = (await targetAudits("target.cleared")).slice(-1);
    expect(audit).toMatchObject({
      actorEmail: reviewer.email,
      before: { indicator: "O1.2", scope: "YEAR", year: 2018, quarter: 0, value: "12", note: null, illustrative: false },
      after: null,
    });
  });

  it("shows the targets read-only to an encoder, and refuses a user of another partnership the page", async () => {
    const page = await getTargetsPage(encoder, "philippines");
    expect(page.canManage).toBe(false);
    expect(page.objectives.flatMap((o) => o.indicators).find((i) => i.code === "O2.1")?.life).toEqual({ value: "60", note: null, illustrative: true });
    expect((await getTargetsPage(reviewer, "philippines")).canManage).toBe(true);
    await expect(getTargetsPage(ghanaReviewer, "philippines")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the overview's indicators without an annual target", () => {
  const missing = async () =>
    (await getPartnershipDashboard(reviewer, "philippines", parseDashboardFilters({}))).annualTargets.missing.map((m) => `${m.year} ${m.code}`);

  it("lists an indicator whose year has no target, and stops once one is set", async () => {
    expect(await missing()).toContain("2019 O1.2");
    // O2.1 has seeded targets for 2018 to 2021, none for 2017.
    expect(await missing()).toContain("2017 O2.1");
    expect(await missing()).not.toContain("2018 O2.1");

    await set(reviewer, { year: "2019", value: "20" });
    expect(await missing()).not.toContain("2019 O1.2");
    expect(await missing()).toContain("2020 O1.2");
    // A quarterly or life target is not an annual one.
    await set(reviewer, { scope: "LIFE", year: "0", value: "90" });
    await set(reviewer, { scope: "QUARTER", year: "2020", quarter: "1", value: "5" });
    expect(await missing()).toContain("2020 O1.2");

    await clear(reviewer, { year: "2019", expected: "20" });
    expect(await missing()).toContain("2019 O1.2");
  });

  it("is empty once every indicator has a target for every year, and counts only indicators that take one", async () => {
    const numeric = await db.indicator.findMany({
      where: { objective: { partnership: { slug: "philippines" } }, unit: { not: "TEXT" } },
      select: { id: true },
    });
    await db.target.createMany({
      data: numeric.flatMap((i) => [2017, 2018, 2019, 2020, 2021].map((year) => ({ indicatorId: i.id, scope: "YEAR" as const, year, value: "1" }))),
      skipDuplicates: true,
    });
    const { annualTargets } = await getPartnershipDashboard(reviewer, "philippines", parseDashboardFilters({}));
    expect(annualTargets).toEqual({ indicators: numeric.length, missing: [] });
  });
});
