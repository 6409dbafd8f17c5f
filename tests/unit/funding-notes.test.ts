// The funding chart's notes, worded from figures worked out by hand (the seeded Philippines record).
import { describe, expect, it } from "vitest";
import type { FundingQuarterRow, PledgeBasis } from "../../lib/data/funding";
import { chartNotes, deliveryNote, exceedsNote, pledgeNote, trimRate } from "../../lib/funding-notes";

const iacat2017: PledgeBasis = {
  statedOn: "2017-10-19",
  kind: "PLEDGE",
  label: "IACAT intends to provide PHP 40,000,000",
  amount: "40000000.00",
  currency: "PHP",
  approximate: false,
  value: "784000.00",
  valueAsStated: true,
  exchangeRate: "51.020408",
  rateDate: "2017-10-19",
  rateSource: "Implied by the release",
  source: null,
  previousValue: null,
  newMoney: "784000.00",
  restated: "0.00",
};

describe("funding notes", () => {
  it("says a figure converted here is derived, from what and at which rate", () => {
    const ceilings: PledgeBasis = {
      ...iacat2017,
      statedOn: "2017-04-16",
      kind: "CEILING",
      amount: "174000000.00",
      approximate: true,
      value: "3480000.00",
      valueAsStated: false,
      exchangeRate: "50.000000",
      newMoney: "3480000.00",
    };
    expect(pledgeNote(ceilings, "USD")).toBe(
      "up to PHP 174,000,000 stated on April 16, 2017 (USD 3,480,000 derived from it at 50 PHP per USD of October 19, 2017; the source stated no USD amount).",
    );
    expect(pledgeNote(iacat2017, "USD")).toBe("PHP 40,000,000 stated on October 19, 2017 (USD 784,000 as the source stated it).");
  });

  it("calls a change that is only a new rate a restatement, not new money", () => {
    const restatement: PledgeBasis = {
      ...iacat2017,
      statedOn: "2018-11-15",
      approximate: true,
      value: "800000.00",
      exchangeRate: "50.000000",
      rateDate: "2018-11-15",
      previousValue: "784000.00",
      newMoney: "0.00",
      restated: "16000.00",
    };
    expect(pledgeNote(restatement, "USD")).toBe(
      "about PHP 40,000,000 stated on November 15, 2018 (USD 800,000 as the source stated it): the same PHP amount as before, restated at 50 PHP per USD of November 15, 2018; USD 16,000 is the earlier figure restated at a new rate, not new money.",
    );
    expect(pledgeNote({ ...restatement, value: "40000000.00", previousValue: "40000000.00", restated: "0.00" }, "PHP")).toBe(
      "about PHP 40,000,000 stated on November 15, 2018: the same amount as before, not new money.",
    );
  });

  it("splits a new amount at a new rate into new money and restatement", () => {
    const closeOut: PledgeBasis = {
      ...iacat2017,
      statedOn: "2021-04-29",
      kind: "COMMITMENT",
      amount: "4900000.00",
      currency: "USD",
      value: "237000000.00",
      exchangeRate: "48.367347",
      rateDate: "2021-04-29",
      previousValue: "175000000.00",
      newMoney: "67714285.71",
      restated: "-5714285.71",
    };
    expect(pledgeNote(closeOut, "PHP")).toBe(
      "USD 4,900,000 stated on April 29, 2021 (PHP 237,000,000 as the source stated it): PHP 67,714,285.71 new money; PHP -5,714,285.71 is the earlier figure restated at a new rate, not new money (48.367347 PHP per USD of April 29, 2021).",
    );
  });

  it("names the statement's source after its figures", () => {
    expect(pledgeNote({ ...iacat2017, source: "Activities Commence, U.S. Embassy Manila (https://example.org/s1)" }, "PHP")).toBe(
      "PHP 40,000,000 stated on October 19, 2017. Source: Activities Commence, U.S. Embassy Manila (https://example.org/s1).",
    );
  });

  it("names the rate of each converted delivery", () => {
    expect(deliveryNote([])).toBe("");
    expect(deliveryNote([{ amount: "1964000.00", currency: "PHP", exchangeRate: "50.000000", rateDate: "2018-11-15" }])).toBe(
      "Delivered: derived from PHP 1,964,000 at 50 PHP per USD of November 15, 2018.",
    );
  });

  it("says why delivered passes pledged, and nothing where it does not", () => {
    expect(exceedsNote({ deliveredExceedsPledged: false, nextStatement: null }, "USD")).toBe("");
    expect(
      exceedsNote(
        {
          deliveredExceedsPledged: true,
          nextStatement: { statedOn: "2021-04-29", quarter: "2021Q2", label: "U.S. funding for the whole partnership", value: "4900000.00" },
        },
        "USD",
      ),
    ).toBe(
      'Delivered to date is more than pledged to date because the next statement, "U.S. funding for the whole partnership" (USD 4,900,000, April 29, 2021), counts from 2021Q2, when it was stated.',
    );
    expect(exceedsNote({ deliveredExceedsPledged: true, nextStatement: null }, "USD")).toBe(
      "Delivered to date is more than pledged to date: no later statement of this party's funding is on record.",
    );
  });
});

describe("the notes under a chart", () => {
  const quarter = (q: string, more: Partial<FundingQuarterRow>): FundingQuarterRow => ({
    quarter: q,
    partyId: "p",
    party: "IACAT",
    pledged: "0.00",
    restated: "0.00",
    delivered: "0.00",
    cumulativePledged: "0.00",
    cumulativeDelivered: "0.00",
    illustrative: true,
    pledgeBasis: [],
    deliveredConverted: [],
    deliveredExceedsPledged: false,
    nextStatement: null,
    ...more,
  });

  it("says one reason once for the quarters it covers, and leaves converted deliveries to the table", () => {
    const next = { statedOn: "2021-04-29", quarter: "2021Q2", label: "Close-out", value: "921760.00" };
    const rows = [
      quarter("2017Q4", { pledgeBasis: [iacat2017] }),
      quarter("2020Q4", { deliveredConverted: [{ amount: "2138000.00", currency: "PHP", exchangeRate: "50.000000", rateDate: "2018-11-15" }] }),
      quarter("2021Q1", { deliveredExceedsPledged: true, nextStatement: next }),
      quarter("2021Q2", { deliveredExceedsPledged: true, nextStatement: next }),
    ];
    expect(chartNotes(rows, "USD")).toEqual([
      { quarters: ["2017Q4"], text: "PHP 40,000,000 stated on October 19, 2017 (USD 784,000 as the source stated it)." },
      {
        quarters: ["2021Q1", "2021Q2"],
        text: 'Delivered to date is more than pledged to date because the next statement, "Close-out" (USD 921,760, April 29, 2021), counts from 2021Q2, when it was stated.',
      },
    ]);
  });

  it("shows a rate without its padding", () => {
    expect(trimRate("50.000000")).toBe("50");
    expect(trimRate("48.367347")).toBe("48.367347");
    expect(trimRate("48.500000")).toBe("48.5");
    expect(trimRate("50")).toBe("50");
    expect(trimRate("100.000000")).toBe("100");
  });
});
