// Implementing-partner staff see raw figures (unapproved values, breakdowns by sex, notes) only
// for their own organization's indicators, and approved totals for the rest: the probe read
// another partner's draft and its breakdown by sex through the export and the indicator page.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { getIndicatorDetail } from "../../lib/data/indicator-detail";
import { exportQuarterCsv } from "../../lib/data/quarter-csv";
import { getQuarterReport } from "../../lib/data/reports";
import { saveSubmission } from "../../lib/data/submissions";
import { changeUserAccess, createUser as addUser } from "../../lib/data/users";
import { valuesFromForm } from "../../lib/quarter/form";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createUser, organizationId } from "../factories";
import { databaseDigest, emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let ijmStaff: Actor;
let tsaStaff: Actor;
let reviewer: Actor;
let draftPeriod = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  ijmStaff = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
  tsaStaff = await createUser(db, { role: "PARTNER", organization: "The Salvation Army", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  draftPeriod = (await createPeriod(db, "philippines")).text;
  await saveSubmission(ijmStaff, {
    slug: "philippines",
    period: draftPeriod,
    organizationId: await organizationId(db, "IJM"),
    version: 0,
    intent: "save",
    values: valuesFromForm({ "v:O1.1:total": "3", "v:O1.1:SEX=F": "2", "v:O1.1:SEX=M": "1", "note:O1.1": "one girl from the March operation" }),
  });
});
afterAll(() => db.$disconnect());

const ijmLines = (csv: string) => csv.split("\r\n").filter((line) => line.startsWith("IJM,"));

describe("another partner's figures", () => {
  it("are left out of the quarter export while unapproved, and shown in full to their own staff and the reviewer", async () => {
    expect(ijmLines(await exportQuarterCsv(tsaStaff, "philippines", draftPeriod))).toEqual([]);
    const expected = ["IJM,O1.1,SEX=F,2,,", "IJM,O1.1,SEX=M,1,,", "IJM,O1.1,total,3,one girl from the March operation,"];
    expect(ijmLines(await exportQuarterCsv(ijmStaff, "philippines", draftPeriod)).sort()).toEqual(expected);
    expect(ijmLines(await exportQuarterCsv(reviewer, "philippines", draftPeriod)).sort()).toEqual(expected);
  });

  it("are exported as approved totals only, without breakdowns, notes or evidence", async () => {
    const lines = ijmLines(await exportQuarterCsv(tsaStaff, "philippines", "2019Q3"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^IJM,O\d\.\d,total,\d+(\.\d+)?,,$/);
    expect(ijmLines(await exportQuarterCsv(ijmStaff, "philippines", "2019Q3")).some((line) => line.startsWith("IJM,O1.1,SEX=F,"))).toBe(true);
  });

  it("show on the quarter page as approved totals only", async () => {
    const draft = (await getQuarterReport(tsaStaff, "philippines", draftPeriod)).organizations.find((o) => o.organization === "IJM")!;
    expect(draft.entry.find((e) => e.code === "O1.1")).toMatchObject({ values: {}, note: null, evidence: null });
    expect(draft.submission?.measurements).toEqual([]);
    const approved = (await getQuarterReport(tsaStaff, "philippines", "2019Q3")).organizations.find((o) => o.organization === "IJM")!;
    expect(Object.keys(approved.entry.find((e) => e.code === "O1.1")!.values)).toEqual([""]);
    const own = (await getQuarterReport(ijmStaff, "philippines", draftPeriod)).organizations.find((o) => o.organization === "IJM")!;
    expect(own.entry.find((e) => e.code === "O1.1")!.values).toEqual({ "": "3", "SEX=F": "2", "SEX=M": "1" });
  });

  it("have their breakdown by sex withheld on the indicator page", async () => {
    const theirs = await getIndicatorDetail(tsaStaff, "philippines", "O1.1");
    expect(theirs.cells).toEqual([]);
    expect(theirs.breakdownWithheld).toBe(true);
    const own = await getIndicatorDetail(ijmStaff, "philippines", "O1.1");
    expect(own.breakdownWithheld).toBe(false);
    expect(own.cells.length).toBeGreaterThan(0);
  });
});

describe("the users page", () => {
  it("refuses a role at an organization it does not belong to, and writes nothing", async () => {
    const admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
    const philippines = (await db.partnership.findUniqueOrThrow({ where: { slug: "philippines" } })).id;
    const user = (role: "ENCODER" | "PARTNER" | "REVIEWER", organization: string) =>
      organizationId(db, organization).then((id) =>
        addUser(admin, {
          email: `${role.toLowerCase()}-misfit@test.local`,
          name: "Misfit",
          role,
          organizationId: id,
          partnershipIds: [philippines],
          password: "a long enough password",
        }),
      );
    const before = await databaseDigest(url);
    await expect(user("PARTNER", "IACAT")).rejects.toThrow(
      "Implementing-partner staff must belong to an implementing partner, such as IJM or The Salvation Army.",
    );
    await expect(user("ENCODER", "IJM")).rejects.toThrow("An encoder must belong to the partner government's office, such as IACAT.");
    await expect(user("REVIEWER", "IJM")).rejects.toThrow("A reviewer must belong to the U.S. government's office, the TIP Office.");
    await expect(
      changeUserAccess(admin, { userId: ijmStaff.id, role: "ENCODER", organizationId: ijmStaff.organizationId, partnershipIds: [philippines] }),
    ).rejects.toThrow("An encoder must belong to the partner government's office, such as IACAT.");
    expect(await databaseDigest(url)).toEqual(before);
    await expect(user("PARTNER", "The Salvation Army")).resolves.toMatchObject({ id: expect.any(String) });
  });
});
