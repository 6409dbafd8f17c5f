// The attacker test (issue 13): random histories of approvals and reopenings, published through
// the real code path on a real database; then an outsider with every release tries to pin a
// child count from 1 to 9 with linear programming. No release may let it, and no published
// figure may say something false about the values behind it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { readReleaseHistoryUncached, readReleaseUncached } from "../../lib/data/releases";
import { reopenSubmission, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { valuesFromForm } from "../../lib/quarter/form";
import type { PublicRelease } from "../../lib/releases/content";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId } from "../factories";
import { attack, givesAwaySmallCount } from "../support/attacker";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
const QUARTERS = ["2030Q1", "2030Q2", "2030Q3", "2030Q4"];
const RUNS = 30;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
}, 120_000);
afterAll(() => db.$disconnect());

let partnerships = 0;

/** A partnership of its own for one history: IJM reports one sensitive and one other count. */
async function freshPartnership() {
  const slug = `attack-${++partnerships}`;
  const ijm = await organizationId(db, "IJM");
  const p = await db.partnership.create({
    data: {
      slug,
      name: `Attack test ${partnerships}`,
      country: "Testland",
      usLeadOffice: "TIP Office",
      signedOn: new Date("2030-01-01"),
      startsOn: new Date("2030-01-01"),
      firstYear: 2030,
      firstQuarter: 1,
      lastYear: 2030,
      lastQuarter: 4,
      status: "ACTIVE",
      summary: "A partnership made by a test.",
      objectives: { create: { code: "O1", title: "Protect children", sortOrder: 1 } },
      periods: { create: QUARTERS.map((_, i) => ({ year: 2030, quarter: i + 1 })) },
    },
    include: { objectives: true },
  });
  const objectiveId = p.objectives[0]!.id;
  const indicator = (code: string, sensitive: boolean, sortOrder: number) => ({
    objectiveId,
    code,
    name: sensitive ? "Children identified" : "Operations supported",
    unit: "COUNT" as const,
    aggregation: "SUM" as const,
    responsibleOrganizationId: ijm,
    sensitive,
    sortOrder,
  });
  await db.indicator.createMany({ data: [indicator("O1.1", true, 1), indicator("O1.2", false, 2)] });
  const actors = {
    partner: await createUser(db, { role: "PARTNER", organization: "IJM", partnerships: [slug] }),
    reviewer: await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: [slug] }),
    admin: await createUser(db, { role: "ADMIN", organization: "TIP Office" }),
  };
  return { slug, ijm, ...actors };
}

type Step = { quarter: number; value: number };

/** Plays the steps: an unapproved quarter is entered and approved; an approved one is reopened. */
async function play(steps: Step[]) {
  const { slug, ijm, partner, reviewer, admin } = await freshPartnership();
  const truth = new Map<string, number>(); // quarter key in the releases → the value approved
  const others = new Map<string, number>(); // quarter → the other indicator's approved value
  const approved = new Set<number>();
  for (const step of steps) {
    const period = QUARTERS[step.quarter]!;
    const report = await db.submission.findFirst({ where: { organizationId: ijm, partnership: { slug }, period: { year: 2030, quarter: step.quarter + 1 } } });
    if (approved.has(step.quarter)) {
      await reopenSubmission(admin, { submissionId: report!.id, version: report!.version, reason: `Revision of ${period}` });
      approved.delete(step.quarter);
      others.delete(period);
      continue;
    }
    const other = step.value * 3 + 11;
    await saveSubmission(partner as Actor, {
      slug,
      period,
      organizationId: ijm,
      version: report?.version ?? 0,
      intent: "submit",
      values: valuesFromForm({ "v:O1.1:total": String(step.value), "v:O1.2:total": String(other) }),
    });
    const submitted = await db.submission.findFirstOrThrow({
      where: { organizationId: ijm, partnership: { slug }, period: { year: 2030, quarter: step.quarter + 1 } },
    });
    await reviewSubmission(reviewer, { submissionId: submitted.id, version: submitted.version, decision: "APPROVE", reason: "" });
    approved.add(step.quarter);
    others.set(period, other);
    // The release names the approved quarter under a key of its own: that key's value is this one.
    const latest = (await readReleaseUncached(slug, (await readReleaseHistoryUncached(slug))!.releases[0]!.number))!;
    const key = latest.summary.results.find((r) => r.code === "O1.1")!.counted.find((k) => k.startsWith(`${period}.`))!;
    truth.set(key, step.value);
    expect(latest.summary.results.find((r) => r.code === "O1.2")!.quarters.find((q) => q.quarter === period)!.value).toBe(String(other));
  }
  const { releases } = (await readReleaseHistoryUncached(slug))!;
  const published = await Promise.all(releases.reverse().map(async (r) => (await readReleaseUncached(slug, r.number))!));
  return { published, truth };
}

/** The same releases with the sensitive total replaced: what a weaker method would have published. */
const republish = (releases: PublicRelease[], truth: Map<string, number>, total: (sum: number) => { total: string; totalRounded: boolean }) =>
  releases.map((r) => ({
    ...r,
    summary: {
      ...r.summary,
      results: r.summary.results.map((s) => (s.sensitive && s.counted.length > 0 ? { ...s, ...total(s.counted.reduce((a, k) => a + truth.get(k)!, 0)) } : s)),
    },
  }));

describe("an outsider with every release", () => {
  it("cannot narrow any count from 1 to 9 to within 1–9, and no release states anything false", async () => {
    const tally = { histories: 0, releases: 0, smallCounts: 0, withheld: 0, exactRecoveries: 0, roundingOnlyRecoveries: 0 };
    const step = fc.record({
      quarter: fc.integer({ min: 0, max: QUARTERS.length - 1 }),
      value: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 30 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 9 }), async (steps) => {
        const { published, truth } = await play(steps);
        tally.histories += 1;
        tally.releases += published.length;
        tally.smallCounts += [...truth.values()].filter((v) => v >= 1 && v <= 9).length;

        for (const r of published) {
          const s = r.summary.results.find((x) => x.code === "O1.1")!;
          expect(s.quarters.every((q) => q.value === null)).toBe(true);
          if (s.total === null) {
            if (s.counted.length > 0) tally.withheld += 1;
            continue;
          }
          const sum = s.counted.reduce((a, k) => a + truth.get(k)!, 0);
          expect(s.totalRounded).toBe(true);
          expect(sum, `release ${r.release.number} says about ${s.total}`).toBeGreaterThanOrEqual(Number(s.total) - 5);
          expect(sum, `release ${r.release.number} says about ${s.total}`).toBeLessThanOrEqual(Number(s.total) + 4);
        }

        const recovered = attack(published, "O1.1").filter(givesAwaySmallCount);
        expect(recovered, `recovered from ${published.length} releases of steps ${JSON.stringify(steps)}`).toEqual([]);

        // The attacker is not blind: exact totals, or rounding without the audit, give counts away.
        const exact = republish(published, truth, (sum) => ({ total: String(sum), totalRounded: false }));
        tally.exactRecoveries += attack(exact, "O1.1").filter(givesAwaySmallCount).length;
        const rounded = republish(published, truth, (sum) => ({ total: String(Math.floor((sum + 5) / 10) * 10), totalRounded: true }));
        tally.roundingOnlyRecoveries += attack(rounded, "O1.1").filter(givesAwaySmallCount).length;
      }),
      { numRuns: RUNS, seed: Number(process.env.ATTACK_SEED ?? 20261202), endOnFailure: true },
    );
    console.log(`[disclosure attack] ${JSON.stringify(tally)}`);
    expect(tally.exactRecoveries).toBeGreaterThan(0);
  }, 300_000);
});
