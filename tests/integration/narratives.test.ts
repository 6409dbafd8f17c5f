// The narrative a reporting organization writes per objective with its quarter: saved with the
// values, read by the reviewer beside them, kept by a CSV import, audited; on the objective's
// page and in the dialogue pack once approved, and only for those who see the organization's figures.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { describeChanges } from "../../lib/audit/changes";
import { getObjectiveDetail } from "../../lib/data/indicator-detail";
import { getQuarterReport } from "../../lib/data/reports";
import { saveSubmission } from "../../lib/data/submissions";
import { valuesFromForm } from "../../lib/quarter/form";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createUser, organizationId } from "../factories";
import { databaseDigest, emptyTables, testDb } from "../support/database";
import { fieldErrors, refusal } from "../support/errors";

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor, reviewer: Actor, partner: Actor;
let iacat = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  partner = await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: ["philippines"] });
  iacat = await organizationId(db, "IACAT");
});
afterAll(() => db.$disconnect());

const values = { "v:O2.1:total": "4", "v:O4.1:total": "9", "v:O5.1:total": "3", "v:O5.2:total": "75" };

describe("the narrative per objective", () => {
  it("is saved with the quarter, read by the reviewer, kept by an import, refused when too long or not the organization's, and audited", async () => {
    const { text: period } = await createPeriod(db, "philippines");
    const save = (version: number, narratives: Record<string, Record<string, string>> | undefined) =>
      saveSubmission(encoder, { slug: "philippines", period, organizationId: iacat, version, intent: "save", values: valuesFromForm(values), narratives });

    await save(0, { O2: { progress: "Twelve referrals reached case build-up.", challenges: "  ", nextSteps: "Meet the regional offices." } });
    const iacatOf = async (actor: Actor) => (await getQuarterReport(actor, "philippines", period)).organizations.find((o) => o.organizationId === iacat)!;
    const seen = await iacatOf(reviewer);
    expect(seen.narratives.map((n) => n.code)).toEqual(["O2", "O4", "O5"]);
    expect(seen.narratives[0]).toEqual({
      code: "O2",
      title: "Identify and respond to child labor trafficking",
      progress: "Twelve referrals reached case build-up.",
      challenges: null,
      nextSteps: "Meet the regional offices.",
    });
    expect((await iacatOf(partner)).narratives).toEqual([]);

    // A save without narratives (a CSV import) keeps them.
    await save(1, undefined);
    expect((await iacatOf(reviewer)).narratives[0]!.progress).toBe("Twelve referrals reached case build-up.");

    const before = await databaseDigest(url);
    expect(await fieldErrors(save(2, { O2: { progress: "x".repeat(2001) } }))).toEqual({ "narrative:O2:progress": ["Use at most 2,000 characters."] });
    expect(await refusal(save(2, { O1: { progress: "Not ours." } }))).toBe("VALIDATION");
    expect(await databaseDigest(url)).toEqual(before);

    const audit = await db.auditEvent.findMany({ where: { action: "submission.save" }, orderBy: { id: "desc" }, take: 2 });
    expect(describeChanges("submission.save", audit[1]!.before, audit[1]!.after)).toEqual(
      expect.arrayContaining([
        { field: "O2 progress", from: "—", to: "Twelve referrals reached case build-up." },
        { field: "O2 next steps", from: "—", to: "Meet the regional offices." },
      ]),
    );
  });

  it("shows approved narratives on the objective's page, each only to those who see its organization's figures", async () => {
    const all = await getObjectiveDetail(reviewer, "philippines", "O1");
    expect(all.narratives.length).toBeGreaterThan(0);
    expect(all.narratives[0]).toMatchObject({ objective: "O1", quarter: "2021Q2", organization: "IJM", illustrative: true });
    expect(all.narratives[0]!.progress).toBe("Illustrative: in 2021Q2, OSEC operations and case build-up continued with the specialised units.");
    const o2 = await getObjectiveDetail(partner, "philippines", "O2");
    expect(o2.narratives).toEqual([]);
    expect((await getObjectiveDetail(partner, "philippines", "O1")).narratives.every((n) => n.organization === "IJM")).toBe(true);
  });
});
