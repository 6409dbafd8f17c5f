// The partner government's contribution ledger on the seeded Philippines partnership. Expected
// figures come from the published facts (PHP 44.6M pledged, S2) and the seed's illustrative
// deliveries (PHP 41.8M in kind), not from the code under test.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { getContributionLedger } from "../../lib/data/contribution-ledger";
import { recordContribution } from "../../lib/data/contributions";
import { seedDatabase } from "../../prisma/seed/seed";
import { createPeriod, createUser, organizationId } from "../factories";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let encoder: Actor, reviewer: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
});
afterAll(() => db.$disconnect());

describe("the contribution ledger", () => {
  it("holds the partner government's pledges as stated, the latest counted, with the USD equivalent at each one's rate", async () => {
    const ledger = await getContributionLedger(reviewer, "philippines");
    expect(ledger.government).toBe("IACAT");
    expect(ledger.pledged.php).toBe("44600000.00");
    const latest = ledger.pledges.filter((p) => p.counts);
    expect(latest.map((p) => [p.statedOn, p.php])).toEqual([["2021-04-29", "44600000.00"]]);
    // Each USD equivalent is the PHP amount at that pledge's own rate, to the cent.
    for (const p of ledger.pledges.filter((p) => !p.usdStated)) {
      expect(Math.abs(Number(p.usd) - Number(p.php) / Number(p.exchangeRate))).toBeLessThanOrEqual(0.005);
    }
    expect(ledger.pledges.some((p) => !p.counts)).toBe(true);
  });

  it("adds up the contributions by quarter and to date: the seeded PHP 41.8M in kind, 93.7% of the pledge", async () => {
    const ledger = await getContributionLedger(reviewer, "philippines");
    expect(ledger.delivered.php).toBe("41800000.00");
    expect(ledger.delivered.percentOfPledged).toBe("93.7");
    expect(ledger.quarters.at(-1)!.cumulativePhp).toBe("41800000.00");
    expect(ledger.contributions.every((c) => c.kind === "IN_KIND" && c.illustrative && c.counted)).toBe(true);
    const sum = ledger.contributions.reduce((total, c) => total + Math.round(Number(c.php) * 100), 0);
    expect(sum).toBe(4_180_000_000);
  });

  it("lists a contribution entered with a quarter at once, but counts it only once that quarter is approved", async () => {
    const { text: period } = await createPeriod(db, "philippines");
    await recordContribution(encoder, {
      slug: "philippines",
      period,
      organizationId: await organizationId(db, "IACAT"),
      version: 0,
      kind: "DISBURSED",
      amount: "1000000",
      currency: "PHP",
      exchangeRate: "50",
      rateDate: "2022-03-31",
      rateSource: "BSP reference rate",
      note: "Budget release order (illustrative test)",
    });
    const ledger = await getContributionLedger(reviewer, "philippines");
    const entered = ledger.contributions.find((c) => c.quarter === period)!;
    expect(entered).toMatchObject({ php: "1000000.00", usd: "20000.00", counted: false, note: "Budget release order (illustrative test)" });
    expect(ledger.delivered.php).toBe("41800000.00");
  });
});
