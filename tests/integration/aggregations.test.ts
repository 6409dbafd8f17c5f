// The dashboard's SQL aggregations against figures computed by hand on a small partnership that
// crosses a year boundary (2019Q3 to 2020Q2).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { unsafeFundingByQuarter, unsafeFundingTotals, unsafePartnershipFundingTotals } from "../../lib/data/funding";
import { unsafeIndicatorQuarters, unsafeIndicatorSummaries, unsafeReportingGrid } from "../../lib/data/results";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let partnershipId = "";
let indicatorId = "";

beforeAll(async () => {
  await emptyTables(url);
  const donor = await db.organization.create({ data: { name: "Donor Office", shortName: "Donor", kind: "US_GOVERNMENT" } });
  const host = await db.organization.create({ data: { name: "Host Council", shortName: "Host", kind: "PARTNER_GOVERNMENT" } });
  const p = await db.partnership.create({
    data: {
      slug: "fixture",
      name: "Fixture partnership",
      country: "Fixture",
      usLeadOffice: "Donor Office",
      signedOn: new Date("2019-07-01"),
      startsOn: new Date("2019-07-01"),
      endsOn: new Date("2020-06-30"),
      firstYear: 2019,
      firstQuarter: 3,
      lastYear: 2020,
      lastQuarter: 2,
      status: "CONCLUDED",
      summary: "",
      regions: [],
    },
  });
  partnershipId = p.id;
  const periods = new Map<string, string>();
  for (const [year, quarter] of [
    [2019, 3],
    [2019, 4],
    [2020, 1],
    [2020, 2],
  ] as const) {
    periods.set(`${year}Q${quarter}`, (await db.reportingPeriod.create({ data: { partnershipId, year, quarter } })).id);
  }
  const money = { rateSource: "fixture", approximate: false };
  // PHP 175,000,000 at 50.00 PHP per USD is USD 3,500,000.00; restated as USD 4,000,000 at 48.
  await db.fundingCommitment.create({
    data: {
      ...money,
      partnershipId,
      figureKey: "donor",
      fromOrganizationId: donor.id,
      kind: "AWARD",
      label: "first",
      amount: "175000000",
      currency: "PHP",
      exchangeRate: "50",
      rateDate: new Date("2019-08-01"),
      statedOn: new Date("2019-08-01"),
    },
  });
  await db.fundingCommitment.create({
    data: {
      ...money,
      partnershipId,
      figureKey: "donor",
      fromOrganizationId: donor.id,
      kind: "COMMITMENT",
      label: "restated",
      amount: "4000000",
      currency: "USD",
      exchangeRate: "48",
      rateDate: new Date("2020-01-15"),
      statedOn: new Date("2020-01-15"),
    },
  });
  await db.fundingCommitment.create({
    data: {
      ...money,
      partnershipId,
      figureKey: "host",
      fromOrganizationId: host.id,
      kind: "PLEDGE",
      label: "host",
      amount: "10000000",
      currency: "PHP",
      exchangeRate: "50",
      statedEquivalent: "199000",
      statedEquivalentCurrency: "USD",
      rateDate: new Date("2019-12-31"),
      statedOn: new Date("2019-12-31"),
    },
  });
  await db.fundingDelivery.create({
    data: {
      partnershipId,
      periodId: periods.get("2019Q4")!,
      fromOrganizationId: donor.id,
      kind: "DISBURSED",
      amount: "1000000",
      currency: "USD",
      exchangeRate: "50",
      rateDate: new Date("2019-12-01"),
      rateSource: "fixture",
    },
  });
  await db.fundingDelivery.create({
    data: {
      partnershipId,
      periodId: periods.get("2020Q1")!,
      fromOrganizationId: donor.id,
      kind: "DISBURSED",
      amount: "24000000",
      currency: "PHP",
      exchangeRate: "48",
      rateDate: new Date("2020-03-01"),
      rateSource: "fixture",
    },
  });

  const objective = await db.objective.create({ data: { partnershipId, code: "O1", title: "Objective", sortOrder: 1 } });
  const indicator = await db.indicator.create({
    data: {
      objectiveId: objective.id,
      code: "O1.1",
      name: "Cases",
      unit: "COUNT",
      aggregation: "SUM",
      responsibleOrganizationId: host.id,
      dimensions: [],
      sortOrder: 1,
    },
  });
  indicatorId = indicator.id;
  await db.target.createMany({
    data: [
      { indicatorId, scope: "YEAR", year: 2019, quarter: 0, value: "4" },
      { indicatorId, scope: "YEAR", year: 2020, quarter: 0, value: "10" },
    ],
  });
  const report = async (period: string, status: "APPROVED" | "SUBMITTED" | "DRAFT", value: string) => {
    const s = await db.submission.create({ data: { partnershipId, periodId: periods.get(period)!, organizationId: host.id, status } });
    await db.measurement.create({ data: { submissionId: s.id, indicatorId, cell: "", value } });
    return s.id;
  };
  await report("2019Q4", "APPROVED", "5");
  const approvedQ1 = await report("2020Q1", "APPROVED", "7");
  const submittedQ2 = await report("2020Q2", "SUBMITTED", "100");
  // The host's contributions, entered with its quarters: PHP 2,500,000 at 50 is USD 50,000.00 and
  // counts (approved); PHP 1,000,000 with the submitted 2020Q2 does not count yet.
  const contribution = {
    partnershipId,
    fromOrganizationId: host.id,
    kind: "DISBURSED" as const,
    currency: "PHP" as const,
    exchangeRate: "50",
    rateDate: new Date("2020-03-01"),
    rateSource: "fixture",
  };
  await db.fundingDelivery.create({ data: { ...contribution, periodId: periods.get("2020Q1")!, submissionId: approvedQ1, amount: "2500000" } });
  await db.fundingDelivery.create({ data: { ...contribution, periodId: periods.get("2020Q2")!, submissionId: submittedQ2, amount: "1000000" } });
});
afterAll(() => db.$disconnect());

describe("funding by quarter", () => {
  it("converts each amount at its own stated rate and counts restatements as their difference", async () => {
    // In USD, the currency of the restatement, its USD 500,000 more is all new money.
    const rows = (await unsafeFundingByQuarter(db, partnershipId, "USD")).filter((r) => r.party === "Donor");
    expect(rows.map((r) => [r.quarter, r.pledged, r.restated, r.cumulativePledged, r.delivered, r.cumulativeDelivered])).toEqual([
      ["2019Q3", "3500000.00", "0.00", "3500000.00", "0.00", "0.00"],
      ["2019Q4", "0.00", "0.00", "3500000.00", "1000000.00", "1000000.00"],
      ["2020Q1", "500000.00", "0.00", "4000000.00", "500000.00", "1500000.00"],
      ["2020Q2", "0.00", "0.00", "4000000.00", "0.00", "1500000.00"],
    ]);
  });

  it("counts a contribution entered with a quarter only once that quarter is approved", async () => {
    const rows = (await unsafeFundingByQuarter(db, partnershipId, "USD")).filter((r) => r.party === "Host");
    expect(rows.map((r) => [r.quarter, r.delivered, r.cumulativeDelivered])).toEqual([
      ["2019Q3", "0.00", "0.00"],
      ["2019Q4", "0.00", "0.00"],
      ["2020Q1", "50000.00", "50000.00"],
      ["2020Q2", "0.00", "50000.00"],
    ]);
  });

  it("gives the same record in PHP, each at its own rate, the new rate's share as a restatement", async () => {
    // The USD 4,000,000 of 2020Q1 at 48 is PHP 192,000,000: USD 500,000 more is PHP 24,000,000 of
    // new money; the USD 3,500,000 stated before is PHP 168,000,000 at 48, PHP 7,000,000 less than
    // the PHP 175,000,000 it was: a restatement, not a cut.
    const rows = (await unsafeFundingByQuarter(db, partnershipId, "PHP")).filter((r) => r.party === "Donor");
    expect(rows.map((r) => [r.quarter, r.pledged, r.restated, r.cumulativePledged, r.cumulativeDelivered])).toEqual([
      ["2019Q3", "175000000.00", "0.00", "175000000.00", "0.00"],
      ["2019Q4", "0.00", "0.00", "175000000.00", "50000000.00"],
      ["2020Q1", "24000000.00", "-7000000.00", "192000000.00", "74000000.00"],
      ["2020Q2", "0.00", "0.00", "192000000.00", "74000000.00"],
    ]);
  });

  it("totals each party's latest statement (in the amount its source stated, where it did) and its deliveries", async () => {
    expect(await unsafeFundingTotals(db, partnershipId, "USD")).toEqual([
      { partyId: expect.any(String), party: "Donor", committed: "4000000.00", delivered: "1500000.00", deliveredIllustrative: false },
      { partyId: expect.any(String), party: "Host", committed: "199000.00", delivered: "50000.00", deliveredIllustrative: false },
    ]);
    expect((await unsafePartnershipFundingTotals(db, [partnershipId], "USD")).get(partnershipId)).toEqual({
      committed: "4199000.00",
      delivered: "1550000.00",
      illustrative: false,
    });
  });
});

describe("results against targets", () => {
  it("counts approved quarters only, by the indicator's rule, with annual targets at year end", async () => {
    const quarters = await unsafeIndicatorQuarters(db, partnershipId, indicatorId);
    expect(quarters.map((q) => [q.quarter, q.actual, q.cumulativeActual, q.target, q.cumulativeTarget])).toEqual([
      ["2019Q3", null, null, null, null],
      ["2019Q4", "5.00", "5.00", "4.00", "4.00"],
      ["2020Q1", "7.00", "12.00", null, "4.00"],
      ["2020Q2", null, "12.00", "10.00", "14.00"],
    ]);
  });

  it("sums the life of the partnership against the sum of its annual targets", async () => {
    const [summary] = await unsafeIndicatorSummaries(db, partnershipId);
    expect(summary).toMatchObject({ code: "O1.1", actual: "12.00", target: "14.00", percentOfTarget: "85.7", published: null });
  });

  it("shows where each quarter's reporting stands", async () => {
    const grid = await unsafeReportingGrid(db, partnershipId);
    expect(grid.map((c) => `${c.quarter} ${c.organization} ${c.status}`)).toEqual([
      "2019Q3 Host NOT_STARTED",
      "2019Q4 Host APPROVED",
      "2020Q1 Host APPROVED",
      "2020Q2 Host SUBMITTED",
    ]);
  });
});

describe("results by each indicator's own rule", () => {
  const ids = { latest: "", max: "", none: "" };

  beforeAll(async () => {
    const objective = await db.objective.findFirstOrThrow({ where: { partnershipId, code: "O1" } });
    const host = await db.organization.findFirstOrThrow({ where: { shortName: "Host" } });
    const indicator = (code: string, aggregation: "LATEST" | "MAX" | "SUM", sortOrder: number) =>
      db.indicator.create({
        data: { objectiveId: objective.id, code, name: code, unit: "COUNT", aggregation, responsibleOrganizationId: host.id, dimensions: [], sortOrder },
      });
    ids.latest = (await indicator("O1.2", "LATEST", 2)).id;
    ids.max = (await indicator("O1.3", "MAX", 3)).id;
    ids.none = (await indicator("O1.4", "SUM", 4)).id;
    await db.target.createMany({
      data: [
        // A life-of-partnership target wins over annual ones.
        { indicatorId: ids.latest, scope: "LIFE", year: 0, quarter: 0, value: "10" },
        { indicatorId: ids.latest, scope: "YEAR", year: 2020, quarter: 0, value: "99" },
        // Quarterly targets add up.
        { indicatorId: ids.max, scope: "QUARTER", year: 2019, quarter: 4, value: "3" },
        { indicatorId: ids.max, scope: "QUARTER", year: 2020, quarter: 2, value: "5" },
      ],
    });
    // The same submissions as O1.1's: 2019Q4 and 2020Q1 approved, 2020Q2 only submitted.
    const submissions = await db.submission.findMany({ where: { partnershipId }, include: { period: true } });
    const of = (year: number, quarter: number) => submissions.find((s) => s.period.year === year && s.period.quarter === quarter)!.id;
    await db.measurement.createMany({
      data: [
        { submissionId: of(2019, 4), indicatorId: ids.latest, cell: "", value: "6" },
        { submissionId: of(2020, 1), indicatorId: ids.latest, cell: "", value: "4" },
        { submissionId: of(2020, 2), indicatorId: ids.latest, cell: "", value: "100" },
        { submissionId: of(2019, 4), indicatorId: ids.max, cell: "", value: "6" },
        { submissionId: of(2020, 1), indicatorId: ids.max, cell: "", value: "4" },
        { submissionId: of(2020, 2), indicatorId: ids.max, cell: "", value: "100" },
      ],
    });
  });

  it("takes the latest approved quarter, the highest, or nothing, against a life, quarterly or no target", async () => {
    const summaries = await unsafeIndicatorSummaries(db, partnershipId);
    expect(summaries.map((s) => [s.code, s.actual, s.target, s.percentOfTarget])).toEqual([
      ["O1.1", "12.00", "14.00", "85.7"],
      ["O1.2", "4.00", "10.00", "40.0"],
      ["O1.3", "6.00", "8.00", "75.0"],
      ["O1.4", null, null, null],
    ]);
  });

  it("carries the latest and the highest forward quarter by quarter", async () => {
    const latest = await unsafeIndicatorQuarters(db, partnershipId, ids.latest);
    expect(latest.map((q) => [q.quarter, q.actual, q.cumulativeActual])).toEqual([
      ["2019Q3", null, null],
      ["2019Q4", "6.00", "6.00"],
      ["2020Q1", "4.00", "4.00"],
      ["2020Q2", null, "4.00"],
    ]);
    const max = await unsafeIndicatorQuarters(db, partnershipId, ids.max);
    expect(max.map((q) => [q.quarter, q.actual, q.cumulativeActual, q.target, q.cumulativeTarget])).toEqual([
      ["2019Q3", null, null, null, null],
      ["2019Q4", "6.00", "6.00", "3.00", "3.00"],
      ["2020Q1", "4.00", "6.00", null, "3.00"],
      ["2020Q2", null, "6.00", "5.00", "8.00"],
    ]);
  });
});
