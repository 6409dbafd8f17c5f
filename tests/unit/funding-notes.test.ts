// The funding chart's notes, worded from figures worked out by hand (the seeded Philippines record).
import { describe, expect, it } from "vitest";
import type { PledgeBasis } from "../../lib/data/funding";
import { deliveryNote, exceedsNote, pledgeNote } from "../../lib/funding-notes";

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
