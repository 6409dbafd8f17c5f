// The rules a quarter's values meet, and the form's translation of them: expected answers are
// written out here, as an encoder would read them.
import { describe, expect, it } from "vitest";
import { entryEnvelopeSchema, fieldErrors, valuesFromForm } from "../../lib/quarter/form";
import { checkQuarterValues, sameEntry, type QuarterIndicator } from "../../lib/quarter/values";

const count: QuarterIndicator = { code: "C", name: "Cases", unit: "COUNT", dimensions: [], cellsSumToTotal: false };
const bySex: QuarterIndicator = { code: "S", name: "Children", unit: "COUNT", dimensions: ["SEX"], cellsSumToTotal: true };
const percent: QuarterIndicator = { code: "P", name: "Share", unit: "PERCENT", dimensions: [], cellsSumToTotal: false };
const money: QuarterIndicator = { code: "M", name: "Spent", unit: "CURRENCY", dimensions: [], cellsSumToTotal: false };
const text: QuarterIndicator = { code: "T", name: "Story", unit: "TEXT", dimensions: [], cellsSumToTotal: false };

const messages = (indicators: QuarterIndicator[], form: Record<string, string>, complete = false) =>
  fieldErrors(checkQuarterValues(indicators, valuesFromForm(form), { complete }).problems);

describe("a quarter's values", () => {
  it("reads every cell of every indicator, empty as null (never 0), trimmed", () => {
    const { values, problems } = checkQuarterValues(
      [count, bySex],
      valuesFromForm({ "v:C:total": " 4 ", "v:S:SEX=F": "2", "note:C": "  ", "evidence:C": "https://example.org/x" }),
      { complete: false },
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      C: { cells: { "": "4" }, note: null, evidence: "https://example.org/x" },
      S: { cells: { "": null, "SEX=F": "2", "SEX=M": null }, note: null, evidence: null },
    });
  });

  it("says what is wrong with a number, by unit", () => {
    expect(messages([count, percent, money], { "v:C:total": "2.5", "v:P:total": "100.01", "v:M:total": "1.234" })).toEqual({
      "v:C:total": ["Counts are whole numbers: remove the decimals."],
      "v:P:total": ["A percentage is from 0 to 100."],
      "v:M:total": ["Enter a number of 0 or more, with at most two decimals."],
    });
    expect(messages([count], { "v:C:total": "-1" })).toEqual({ "v:C:total": ["Enter a whole number of 0 or more, without commas."] });
    expect(messages([count, percent, money], { "v:C:total": "0", "v:P:total": "100", "v:M:total": "12.50" })).toEqual({});
  });

  it("bounds numbers: a count of a quarter at 1,000,000, any other figure below 10 trillion (what the database holds)", () => {
    expect(messages([count, money], { "v:C:total": "1000000", "v:M:total": "9999999999999.99" })).toEqual({});
    expect(messages([count], { "v:C:total": "1000001" })).toEqual({ "v:C:total": ["A count for one quarter is at most 1,000,000: check the figure."] });
    expect(messages([count, money], { "v:C:total": "1".repeat(30), "v:M:total": "10000000000000" })).toEqual({
      "v:C:total": ["A count for one quarter is at most 1,000,000: check the figure."],
      "v:M:total": ["A figure must be below 10,000,000,000,000: check it."],
    });
    // Leading zeros do not make a small number large.
    expect(messages([count], { "v:C:total": "0000000000000000000000000012" })).toEqual({});
  });

  it("asks for every total, and every breakdown cell, only when submitting", () => {
    expect(messages([count, bySex], {}, false)).toEqual({});
    expect(messages([count], {}, true)).toEqual({ "v:C:total": ["Enter the total before submitting (0 if there was none)."] });
    expect(messages([bySex], { "v:S:total": "3", "v:S:SEX=F": "3" }, true)).toEqual({
      "v:S:total": ["Fill every breakdown cell before submitting (0 where there were none)."],
    });
    expect(messages([bySex], { "v:S:total": "3", "v:S:SEX=F": "3" }, false)).toEqual({});
  });

  it("requires a full breakdown to add up to its total, to the cent", () => {
    expect(messages([bySex], { "v:S:total": "10", "v:S:SEX=F": "6", "v:S:SEX=M": "3" })).toEqual({
      "v:S:total": ["The breakdown adds up to 9, not 10: correct the total or the breakdown."],
    });
    expect(messages([bySex], { "v:S:total": "9", "v:S:SEX=F": "6", "v:S:SEX=M": "3" })).toEqual({});
    expect(messages([{ ...bySex, cellsSumToTotal: false }], { "v:S:total": "10", "v:S:SEX=F": "6", "v:S:SEX=M": "3" })).toEqual({});
    // A bad cell is reported on its own, not as a wrong sum.
    expect(messages([bySex], { "v:S:total": "9", "v:S:SEX=F": "six", "v:S:SEX=M": "3" })).toEqual({
      "v:S:SEX=F": ["Enter a whole number of 0 or more, without commas."],
    });
  });

  it("bounds text, notes and evidence links", () => {
    const long = "x".repeat(2001);
    expect(messages([text], { "v:T:total": long, "note:T": long, "evidence:T": "javascript:alert(1)" })).toEqual({
      "v:T:total": ["Use at most 2,000 characters."],
      "note:T": ["Use at most 2,000 characters."],
      "evidence:T": ["Enter a web address starting with https://, or leave it empty."],
    });
    expect(messages([text], { "v:T:total": "x".repeat(2000), "note:T": "x".repeat(2000), "evidence:T": "http://example.org" })).toEqual({});
  });

  it("ignores fields the form has for nothing it knows", () => {
    expect(valuesFromForm({ slug: "philippines", "v:C:total": "1", "note:C": "n", other: "x", "v:C:SEX=F": 3 })).toEqual({
      C: { cells: { "": "1" }, note: "n" },
    });
  });
});

describe("a quarter's values, edge by edge", () => {
  it('names each problem by indicator and part, the total being cell ""', () => {
    const { problems } = checkQuarterValues([count, bySex], valuesFromForm({ "v:S:SEX=F": "x", "note:C": "y".repeat(2001) }), { complete: true });
    expect(problems).toEqual([
      { code: "C", part: { cell: "" }, message: "Enter the total before submitting (0 if there was none)." },
      { code: "C", part: "note", message: "Use at most 2,000 characters." },
      { code: "S", part: { cell: "SEX=F" }, message: "Enter a whole number of 0 or more, without commas." },
      { code: "S", part: { cell: "" }, message: "Enter the total before submitting (0 if there was none)." },
    ]);
  });

  it("checks a breakdown's sum only when the total and every cell are there and valid", () => {
    expect(messages([bySex], { "v:S:total": "5", "v:S:SEX=F": "3" })).toEqual({});
    expect(messages([bySex], { "v:S:SEX=F": "2", "v:S:SEX=M": "3" })).toEqual({});
    expect(messages([bySex], { "v:S:total": "x", "v:S:SEX=F": "2", "v:S:SEX=M": "3" })).toEqual({
      "v:S:total": ["Enter a whole number of 0 or more, without commas."],
    });
    expect(messages([bySex], { "v:S:total": "5", "v:S:SEX=F": "2", "v:S:SEX=M": "3" }, true)).toEqual({});
    expect(messages([{ ...count, cellsSumToTotal: true }], { "v:C:total": "5" }, true)).toEqual({});
  });

  it("takes amounts over 100 for anything but a percentage, and only web addresses as evidence", () => {
    expect(messages([money, count], { "v:M:total": "150.25", "v:C:total": "101" })).toEqual({});
    expect(messages([count], { "evidence:C": "xhttp://example.org" })).toEqual({
      "evidence:C": ["Enter a web address starting with https://, or leave it empty."],
    });
    expect(messages([count], { "evidence:C": "httpx://example.org" })).toEqual({
      "evidence:C": ["Enter a web address starting with https://, or leave it empty."],
    });
  });

  it("reads an indicator given with a note and no cells", () => {
    expect(checkQuarterValues([count], { C: { note: "none this quarter" } }, { complete: false })).toEqual({
      values: { C: { cells: { "": null }, note: "none this quarter", evidence: null } },
      problems: [],
    });
  });

  it("reads only the form's own field names", () => {
    expect(
      valuesFromForm({
        "v:O1.1:SEX=F": "2",
        "note:O1.1": "n",
        "evidence:O1.1": "https://e.org",
        // Later in the form, so a reader that took them would overwrite the real ones.
        "xv:O1.1:total": "1",
        "xnote:O1.1": "other",
        "xevidence:O1.1": "https://other.org",
      }),
    ).toEqual({
      "O1.1": { cells: { "SEX=F": "2" }, note: "n", evidence: "https://e.org" },
    });
  });
});

describe("the entry form's envelope", () => {
  const envelope = { slug: "philippines", period: "2019Q3", organizationId: "org-1", version: "2" };
  const refused = (fields: Record<string, unknown>) => {
    const result = entryEnvelopeSchema.safeParse({ ...envelope, ...fields });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("reads a save by default and a submit when asked", () => {
    expect(entryEnvelopeSchema.parse(envelope)).toEqual({ slug: "philippines", period: "2019Q3", organizationId: "org-1", version: 2, intent: "save" });
    expect(entryEnvelopeSchema.parse({ ...envelope, intent: "submit" }).intent).toBe("submit");
    expect(entryEnvelopeSchema.parse({ ...envelope, intent: "save" }).intent).toBe("save");
    expect(refused({ intent: "delete" })).toHaveLength(1);
  });

  it("refuses a quarter, slug, organization or version it cannot be", () => {
    for (const period of ["2019Q5", "19Q1", "x2019Q1", "2019Q1x", "abcdQ1"])
      expect(refused({ period })).toEqual(["period: Reload the page: the quarter is missing."]);
    expect(refused({ slug: "" })).toHaveLength(1);
    expect(refused({ slug: "s".repeat(81) })).toHaveLength(1);
    expect(refused({ slug: "s".repeat(80), organizationId: "o".repeat(64), version: "0" })).toEqual([]);
    expect(refused({ organizationId: "" })).toHaveLength(1);
    expect(refused({ organizationId: "o".repeat(65) })).toHaveLength(1);
    expect(refused({ version: "-1" })).toHaveLength(1);
    expect(refused({ version: "1.5" })).toHaveLength(1);
  });
});

describe("comparing two entries of a cell", () => {
  it("compares numbers as numbers and text as text, and never takes empty for 0", () => {
    expect(sameEntry("COUNT", "5", "5.0")).toBe(true);
    expect(sameEntry("PERCENT", "75", "75.00")).toBe(true);
    expect(sameEntry("COUNT", "5", "6")).toBe(false);
    expect(sameEntry("COUNT", "", "0")).toBe(false);
    expect(sameEntry("COUNT", null, "0")).toBe(false);
    expect(sameEntry("COUNT", "0", undefined)).toBe(false);
    expect(sameEntry("COUNT", null, "")).toBe(true);
    expect(sameEntry("TEXT", "1", "1.0")).toBe(false);
    expect(sameEntry("TEXT", "same", "same")).toBe(true);
  });
});
