// The funding charts' data on the seeded Philippines record, read as a TIP Office reviewer would:
// a restatement is never new money, a converted figure names its rate, and where delivered passes
// pledged the data says why. Expected figures are worked out by hand from the published statements
// (docs: /work/shared/facts, prisma/seed/facts.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed";
import { unsafeFundingByQuarter, unsafeFundingTotals, type FundingQuarterRow } from "../../lib/data/funding";
import { quarterNotes } from "../../lib/funding-notes";
import type { CurrencyCode } from "../../lib/money";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);
let partnershipId = "";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  partnershipId = (await db.partnership.findUniqueOrThrow({ where: { slug: "philippines" } })).id;
});
afterAll(() => db.$disconnect());

const series = async (currency: CurrencyCode, party: string) => (await unsafeFundingByQuarter(db, partnershipId, currency)).filter((r) => r.party === party);
const at = (rows: FundingQuarterRow[], quarter: string) => rows.find((r) => r.quarter === quarter)!;

describe("the funding chart's data", () => {
  it("counts IACAT's PHP 40M restated at a new rate in 2018Q4 as no new pledge, in either currency", async () => {
    const php = await series("PHP", "IACAT");
    // In its own currency the pledge did not change: PHP 40,000,000 from 2017Q4 until the close-out.
    expect(at(php, "2018Q4")).toMatchObject({ pledged: "0.00", restated: "0.00", cumulativePledged: "40000000.00" });
    expect(php.filter((r) => r.quarter >= "2017Q4" && r.quarter <= "2021Q1").map((r) => r.cumulativePledged)).toEqual(Array(14).fill("40000000.00"));

    // In USD it went from USD 784,000 (at 51.020408) to USD 800,000 (at 50): USD 16,000 of restatement.
    const usd = await series("USD", "IACAT");
    expect(at(usd, "2018Q4")).toMatchObject({ pledged: "0.00", restated: "16000.00", cumulativePledged: "800000.00" });
    expect(quarterNotes(at(usd, "2018Q4"), "USD")[0]).toContain("USD 16,000 is the earlier figure restated at a new rate, not new money");
  });

  it("splits the close-out statements into new money and the earlier figure at the new rate", async () => {
    // IACAT, April 2021: PHP 44,600,000 = USD 921,760. The earlier PHP 40,000,000 at that rate is
    // 40,000,000 × 921,760 / 44,600,000 = USD 826,690.58: USD 26,690.58 restated, USD 95,069.42 new.
    expect(at(await series("USD", "IACAT"), "2021Q2")).toMatchObject({ pledged: "95069.42", restated: "26690.58", cumulativePledged: "921760.00" });
    expect(at(await series("PHP", "IACAT"), "2021Q2")).toMatchObject({ pledged: "4600000.00", restated: "0.00", cumulativePledged: "44600000.00" });
    // TIP Office: USD 4,900,000 = PHP 237,000,000. In USD, USD 1,400,000 more, all new. In PHP, the
    // earlier USD 3,500,000 at 237/4.9 is PHP 169,285,714.29: PHP 5,714,285.71 less than the PHP 175M it was.
    expect(at(await series("USD", "TIP Office"), "2021Q2")).toMatchObject({ pledged: "1400000.00", restated: "0.00" });
    expect(at(await series("PHP", "TIP Office"), "2021Q2")).toMatchObject({ pledged: "67714285.71", restated: "-5714285.71" });
  });

  it("never shows a restatement in the currency the statement was made in, and ends at each party's committed total", async () => {
    for (const currency of ["USD", "PHP"] as const) {
      const rows = await unsafeFundingByQuarter(db, partnershipId, currency);
      for (const basis of rows.flatMap((r) => r.pledgeBasis).filter((b) => b.currency === currency)) expect(basis.restated).toBe("0.00");
      const totals = await unsafeFundingTotals(db, partnershipId, currency);
      for (const total of totals) expect(rows.filter((r) => r.party === total.party).at(-1)?.cumulativePledged).toBe(total.committed);
    }
  });

  it("labels the TIP Office's 2017Q2 USD figure as derived from the PHP ceilings, with the rate and its date", async () => {
    const q2 = at(await series("USD", "TIP Office"), "2017Q2");
    expect(q2.pledged).toBe("3480000.00");
    expect(q2.pledgeBasis).toEqual([
      expect.objectContaining({
        kind: "CEILING",
        amount: "174000000.00",
        currency: "PHP",
        approximate: true,
        valueAsStated: false,
        exchangeRate: "50.000000",
        rateDate: "2017-10-19",
      }),
    ]);
    expect(quarterNotes(q2, "USD")).toEqual([
      "up to PHP 174,000,000 stated on April 16, 2017 (USD 3,480,000 derived from it at 50 PHP per USD of October 19, 2017; the source stated no USD amount). " +
        "Source: Report on the signing of the U.S.-Philippines Child Protection Compact, Manila Times (http://www.manilatimes.net/us-ph-ink-child-protection-pact/322384/).",
    ]);
    // In PHP the same quarter is as stated.
    expect(at(await series("PHP", "TIP Office"), "2017Q2").pledgeBasis[0]).toMatchObject({ value: "174000000.00", valueAsStated: true });
  });

  it("names the rate of each delivery converted into the chart's currency", async () => {
    // PHP 1,964,000 at 50 PHP per USD is USD 39,280.
    const q = at(await series("USD", "IACAT"), "2019Q1");
    expect(q.delivered).toBe("39280.00");
    expect(q.deliveredConverted).toEqual([{ amount: "1964000.00", currency: "PHP", exchangeRate: "50.000000", rateDate: "2018-11-15" }]);
    expect(at(await series("PHP", "IACAT"), "2019Q1").deliveredConverted).toEqual([]);
  });

  it("says why delivered passes pledged: the close-out statements of April 2021 count from 2021Q2", async () => {
    const rows = await unsafeFundingByQuarter(db, partnershipId, "USD");
    const exceeding = rows.filter((r) => r.deliveredExceedsPledged);
    expect(exceeding.map((r) => `${r.party} ${r.quarter}`)).toEqual(["TIP Office 2020Q3", "TIP Office 2020Q4", "IACAT 2021Q1", "TIP Office 2021Q1"]);
    for (const r of exceeding) {
      expect(Number(r.cumulativeDelivered)).toBeGreaterThan(Number(r.cumulativePledged));
      expect(r.nextStatement).toMatchObject({ statedOn: "2021-04-29", quarter: "2021Q2" });
      expect(quarterNotes(r, "USD").at(-1)).toMatch(
        /^Delivered to date is more than pledged to date because the next statement, .* counts from 2021Q2, when it was stated\.$/,
      );
    }
    // USD 3,846,000 delivered by 2020Q3 against USD 3,500,000 pledged.
    expect(
      at(
        rows.filter((r) => r.party === "TIP Office"),
        "2020Q3",
      ),
    ).toMatchObject({ cumulativeDelivered: "3846000.00", cumulativePledged: "3500000.00" });
    expect(rows.filter((r) => !r.deliveredExceedsPledged).every((r) => r.nextStatement === null)).toBe(true);
  });
});
