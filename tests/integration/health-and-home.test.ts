import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { getDatabaseHealth } from "../../lib/data/health";
import { readPublicPartnerships } from "../../lib/data/partnerships";
import { createPrismaClient } from "../../lib/data/prisma";
import { seedDatabase } from "../../prisma/seed/seed";
import { emptyTables, testDb } from "../support/database";
import { findFreePort } from "../../scripts/lib/ports";

const url = inject("databaseUrl");

beforeAll(async () => {
  await emptyTables(url);
  const db = testDb(url);
  await seedDatabase(db);
  await db.$disconnect();
});

describe("GET /api/health", () => {
  it("answers 200 with the database ok", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("says the database is unreachable, and why, when it is", async () => {
    const port = await findFreePort();
    const unreachable = createPrismaClient(`postgresql://postgres@127.0.0.1:${port}/none`);
    afterAll(() => unreachable.$disconnect());
    const health = await getDatabaseHealth(unreachable);
    expect(health).toEqual({ ok: false, reason: "Database unreachable: nothing is listening there (connection refused)" });
  });
});

describe("the public partnership list", () => {
  it("reads every partnership from the database, the Philippines with its parties", async () => {
    const partnerships = await readPublicPartnerships();
    expect(partnerships).toHaveLength(7);
    const philippines = partnerships.find((p) => p.slug === "philippines");
    expect(philippines).toMatchObject({
      name: "U.S.–Philippines Child Protection Compact (CPC) Partnership",
      signedOn: "2017-04-11",
      endsOn: "2021-04-11",
      status: "CONCLUDED",
      partnerFundingStatement: "About PHP 44,600,000 (USD 921,760), stated 2021-04-29",
    });
    expect(partnerships.find((p) => p.slug === "ghana")?.partnerFundingStatement).toBeNull();
    expect(philippines?.parties.map((p) => p.shortName)).toEqual(["TIP Office", "IACAT", "IJM", "The Salvation Army"]);
  });
});
