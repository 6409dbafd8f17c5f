import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed";
import { emptyTables, tableCounts, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
});
afterAll(() => db.$disconnect());

const philippines = () => db.partnership.findUniqueOrThrow({ where: { slug: "philippines" } });

describe("the seed", () => {
  it("loads the U.S.–Philippines partnership with its dates, parties and objectives", async () => {
    const partnership = await db.partnership.findUniqueOrThrow({
      where: { slug: "philippines" },
      include: { members: { include: { organization: true } }, objectives: { orderBy: { sortOrder: "asc" } } },
    });
    expect(partnership.name).toBe("U.S.–Philippines Child Protection Compact (CPC) Partnership");
    expect(partnership.signedOn.toISOString().slice(0, 10)).toBe("2017-04-11");
    expect(partnership.endsOn?.toISOString().slice(0, 10)).toBe("2021-04-11");
    expect([partnership.firstYear, partnership.firstQuarter, partnership.lastYear, partnership.lastQuarter]).toEqual([2017, 2, 2021, 2]);
    expect(partnership.members.map((m) => `${m.role}:${m.organization.shortName}`).sort()).toEqual([
      "DONOR:TIP Office",
      "HOST:IACAT",
      "IMPLEMENTER:IJM",
      "IMPLEMENTER:The Salvation Army",
    ]);
    expect(partnership.objectives.map((o) => o.code)).toEqual(["O1", "O2", "O3", "O4", "O5"]);
  });

  it("keeps every dated funding statement with its source, the restated ones too", async () => {
    const { id } = await philippines();
    const statements = await db.fundingCommitment.findMany({
      where: { partnershipId: id },
      orderBy: [{ figureKey: "asc" }, { statedOn: "asc" }, { amount: "desc" }],
      include: { source: true },
    });
    expect(statements.map((s) => [s.figureKey, s.statedOn.toISOString().slice(0, 10), `${s.currency} ${s.amount.toFixed(0)}`, s.source?.key])).toEqual([
      ["combined-2019", "2019-11-20", "USD 5100000", "S7"],
      ["ph-funding", "2017-10-19", "PHP 40000000", "S1"],
      ["ph-funding", "2018-11-15", "PHP 40000000", "S4"],
      ["ph-funding", "2021-04-29", "PHP 44600000", "S2"],
      ["us-funding", "2017-04-16", "PHP 149000000", "S5"],
      ["us-funding", "2017-04-16", "PHP 25000000", "S5"],
      ["us-funding", "2017-10-19", "USD 3500000", "S1"],
      ["us-funding", "2021-04-29", "USD 4900000", "S2"],
    ]);
    const award = statements.find((s) => s.kind === "AWARD");
    expect(award?.statedEquivalent?.toFixed(2)).toBe("175000000.00");
    expect(award?.exchangeRate.toFixed(6)).toBe("50.000000");
    expect(statements.every((s) => !s.illustrative)).toBe(true);
    // The Manila Bulletin's "combined investments" are kept as reported, never counted.
    expect(statements.filter((s) => !s.countsInTotals).map((s) => s.figureKey)).toEqual(["combined-2019"]);
  });

  it("loads the published life-of-partnership results with their sources", async () => {
    const { id } = await philippines();
    const results = await db.publishedResult.findMany({ where: { partnershipId: id }, orderBy: { sortOrder: "asc" }, include: { source: true } });
    expect(results.map((r) => [r.label, r.value.toNumber(), r.qualifier, r.source.key])).toEqual([
      ["Child victims of online sexual exploitation identified", 312, "exact", "S2"],
      ["Perpetrators of trafficking crimes arrested", 97, "exact", "S2"],
      ["Operations supported", 82, "exact", "S3"],
      ["Social workers trained on victim-centered care", 355, "more than", "S2"],
      ["Survivors directly supported in aftercare facilities", 44, "exact", "S2"],
    ]);
  });

  it("marks the quarterly data illustrative and makes it add up to the published totals", async () => {
    const rows = await db.$queryRaw<{ code: string; total: string; illustrative: boolean }[]>`
      SELECT i.code, SUM(m.value)::text AS total, bool_and(s.illustrative) AS illustrative
      FROM "Measurement" m
      JOIN "Indicator" i ON i.id = m."indicatorId"
      JOIN "Submission" s ON s.id = m."submissionId"
      WHERE m.cell = '' AND i.unit = 'COUNT'
      GROUP BY i.code ORDER BY i.code`;
    const totals = Object.fromEntries(rows.map((r) => [r.code, Number(r.total)]));
    expect(totals).toMatchObject({ "O1.1": 312, "O1.2": 97, "O1.3": 82, "O3.2": 44 });
    expect(totals["O3.1"]).toBeGreaterThan(355);
    expect(rows.every((r) => r.illustrative)).toBe(true);

    const cellsOff = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT m."submissionId", m."indicatorId"
        FROM "Measurement" m JOIN "Indicator" i ON i.id = m."indicatorId"
        WHERE i."cellsSumToTotal"
        GROUP BY 1, 2
        HAVING SUM(m.value) FILTER (WHERE m.cell = '') <> SUM(m.value) FILTER (WHERE m.cell <> '')
      ) off`;
    expect(Number(cellsOff[0]?.n)).toBe(0);

    const deliveries = await db.fundingDelivery.findMany({ select: { illustrative: true } });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.illustrative)).toBe(true);
    const targets = await db.target.findMany({ select: { illustrative: true } });
    expect(targets.every((t) => t.illustrative)).toBe(true);
  });

  it("leaves the published results without a target", async () => {
    const targets = await db.target.count({ where: { indicator: { code: { in: ["O1.1", "O1.2", "O1.3", "O3.1", "O3.2"] } } } });
    expect(targets).toBe(0);
  });

  it("loads the six other CPC partnerships with their headline facts", async () => {
    const others = await db.partnership.findMany({
      where: { slug: { not: "philippines" } },
      orderBy: { signedOn: "asc" },
      include: { factsSource: true },
    });
    expect(others.map((p) => [p.country, p.signedOn.toISOString().slice(0, 10), p.status])).toEqual([
      ["Ghana", "2015-06-23", "CONCLUDED"],
      ["Peru", "2017-06-15", "CONCLUDED"],
      ["Jamaica", "2018-05-31", "CONCLUDED"],
      ["Mongolia", "2020-04-02", "CONCLUDED"],
      ["Colombia", "2022-04-26", "ACTIVE"],
      ["Côte d'Ivoire", "2022-12-07", "ACTIVE"],
    ]);
    expect(others.find((p) => p.country === "Peru")?.usFundingStatement).toBe("USD 5M, later USD 7.1M, then more than USD 9.8M");
    expect(others.every((p) => p.factsSource !== null)).toBe(true);
  });

  it("changes nothing when it runs a second time", async () => {
    const before = await tableCounts(url);
    const report = await seedDatabase(db);
    expect(report.created).toEqual([]);
    expect(report.alreadyThere).toHaveLength(7);
    expect(await tableCounts(url)).toEqual(before);
  });
});
