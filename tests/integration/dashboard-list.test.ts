// The /dashboard list computes every partnership's figures in three queries. Each row must equal
// what the same figures give for that partnership alone, with partnerships that share
// organizations and figure names (the seed's seven, and two illustrative scale partnerships).
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { listDashboardPartnerships } from "../../lib/data/dashboard";
import { NO_FUNDING, unsafePartnershipFundingTotals } from "../../lib/data/funding";
import { unsafeIndicatorSummaries, unsafeReportingGrid } from "../../lib/data/results";
import { seedDatabase } from "../../prisma/seed/seed";
import { fillTo } from "../../scripts/bench/scale-data";
import { createUser } from "../factories";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let admin: Actor;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  await fillTo(url, 10_000);
  // A later restatement of a figure that another partnership also has: it must not hide the
  // other's latest statement.
  const second = await db.partnership.findUniqueOrThrow({ where: { slug: "scale-00002" } });
  await db.fundingCommitment.create({
    data: {
      partnershipId: second.id,
      figureKey: "us",
      fromOrganizationId: "scale-org-us",
      kind: "CEILING",
      label: "U.S. funding, restated again (illustrative)",
      amount: "3600000",
      currency: "USD",
      exchangeRate: "50",
      rateDate: new Date("2020-03-31"),
      rateSource: "Illustrative rate",
      statedOn: new Date("2020-03-31"),
      illustrative: true,
    },
  });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
});
afterAll(() => db.$disconnect());

it("gives each partnership the figures it has on its own", async () => {
  const list = await listDashboardPartnerships(admin);
  const partnerships = await db.partnership.findMany({ orderBy: { signedOn: "asc" }, select: { id: true, slug: true } });
  expect(list.map((p) => p.slug).sort()).toEqual(partnerships.map((p) => p.slug).sort());
  expect(list.length).toBeGreaterThanOrEqual(9);

  for (const { id, slug } of partnerships) {
    const money = (await unsafePartnershipFundingTotals(db, [id], "USD")).get(id) ?? NO_FUNDING;
    const indicators = await unsafeIndicatorSummaries(db, id);
    const withTargets = indicators.filter((i) => i.percentOfTarget !== null);
    const grid = await unsafeReportingGrid(db, id);
    const last = grid.at(-1)?.quarter;
    expect(
      list.find((p) => p.slug === slug),
      slug,
    ).toMatchObject({
      committedUsd: money.committed,
      deliveredUsd: money.delivered,
      illustrative: money.illustrative || indicators.some((i) => i.actualIllustrative),
      targetsMet: withTargets.filter((i) => Number(i.percentOfTarget) >= 100).length,
      targetsSet: withTargets.length,
      latestQuarter: last
        ? { quarter: last, statuses: grid.filter((c) => c.quarter === last).map((c) => ({ organization: c.organization, state: c.state })) }
        : null,
    });
  }
  // The Philippines' row, as the record states it: USD 4.9M from the United States and PHP 44.6M
  // (stated as USD 921,760) from the Philippine government.
  expect(list.find((p) => p.slug === "philippines")).toMatchObject({ committedUsd: "5821760.00", illustrative: true, latestQuarter: { quarter: "2021Q2" } });
  const scale = list.find((p) => p.slug === "scale-00001")!;
  expect(scale).toMatchObject({ committedUsd: "4300000.00", illustrative: true, targetsSet: 50, latestQuarter: { quarter: "2021Q4" } });
  expect(scale.latestQuarter!.statuses.map((s) => s.state)).toEqual(["SUBMITTED", "SUBMITTED"]);
  expect(list.find((p) => p.slug === "scale-00002")).toMatchObject({ committedUsd: "4400000.00" });
});
