// The rules a quarter's values meet, and the form's translation of them: expected answers are
// written out here, as an encoder would read them.
import { describe, expect, it } from "vitest";
import { fieldErrors, valuesFromForm } from "../../lib/quarter/form";
import { checkQuarterValues, type QuarterIndicator } from "../../lib/quarter/values";

const count: QuarterIndicator = { code: "C", name: "Cases", unit: "COUNT", dimensions: [], cellsSumToTotal: false };
const bySex: QuarterIndicator = { code: "S", name: "Children", unit: "COUNT", dimensions: ["SEX"], cellsSumToTotal: true };
const percent: QuarterIndicator = { code: "P", name: "Share", unit: "PERCENT", dimensions: [], cellsSumToTotal: false };
const money: QuarterIndicator = { code: "M", name: "Spent", unit: "CURRENCY", dimensions: [], cellsSumToTotal: false };
const text: QuarterIndicator = { code: "T", name: "Story", unit: "TEXT", dimensions: [], cellsSumToTotal: false };

const messages = (indicators: QuarterIndicator[], form: Record<string, string>, complete = false) =>
  fieldErrors(checkQuarterValues(indicators, valuesFromForm(form), { complete }).problems);

describe("a quarter's values", () => {
  it("reads every cell of every indicator, empty as null (never 0), trimmed", () => {
    const { values, problems } = checkQuarterValues([count, bySex], valuesFromForm({ "v:C:total": " 4 ", "v:S:SEX=F": "2", "note:C": "  ", "evidence:C": "https://example.org/x" }), { complete: false });
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

  it("asks for every total, and every breakdown cell, only when submitting", () => {
    expect(messages([count, bySex], {}, false)).toEqual({});
    expect(messages([count], {}, true)).toEqual({ "v:C:total": ["Enter the total before submitting (0 if there was none)."] });
    expect(messages([bySex], { "v:S:total": "3", "v:S:SEX=F": "3" }, true)).toEqual({ "v:S:total": ["Fill every breakdown cell before submitting (0 where there were none)."] });
    expect(messages([bySex], { "v:S:total": "3", "v:S:SEX=F": "3" }, false)).toEqual({});
  });

  it("requires a full breakdown to add up to its total, to the cent", () => {
    expect(messages([bySex], { "v:S:total": "10", "v:S:SEX=F": "6", "v:S:SEX=M": "3" })).toEqual({
      "v:S:total": ["The breakdown adds up to 9, not 10: correct the total or the breakdown."],
    });
    expect(messages([bySex], { "v:S:total": "9", "v:S:SEX=F": "6", "v:S:SEX=M": "3" })).toEqual({});
    expect(messages([{ ...bySex, cellsSumToTotal: false }], { "v:S:total": "10", "v:S:SEX=F": "6", "v:S:SEX=M": "3" })).toEqual({});
    // A bad cell is reported on its own, not as a wrong sum.
    expect(messages([bySex], { "v:S:total": "9", "v:S:SEX=F": "six", "v:S:SEX=M": "3" })).toEqual({ "v:S:SEX=F": ["Enter a whole number of 0 or more, without commas."] });
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
    expect(valuesFromForm({ slug: "philippines", "v:C:total": "1", "note:C": "n", other: "x", "v:C:SEX=F": 3 })).toEqual({ C: { cells: { "": "1" }, note: "n" } });
  });
});
