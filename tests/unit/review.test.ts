// What the review desk flags and lists. Expected answers are worked out by hand in each case.
import { describe, expect, it } from "vitest";
import { dueText, reportState } from "../../lib/format";
import { changesBetweenRounds, describeChange, reviewFlags } from "../../lib/quarter/review";
import { describeRule } from "../../lib/quarter/values";
import { reviewSubmissionSchema } from "../../lib/validation/submissions";

const figure = { unit: "COUNT" as const, value: "10", previous: "10", target: null, emptyCells: [] };

describe("reviewFlags", () => {
  it("flags a change of more than half the previous quarter, either way, and not one of exactly half", () => {
    expect(reviewFlags({ ...figure, value: "16" })).toEqual(["Up 60% on the previous quarter (flagged beyond 50%)"]);
    expect(reviewFlags({ ...figure, value: "4" })).toEqual(["Down 60% on the previous quarter (flagged beyond 50%)"]);
    expect(reviewFlags({ ...figure, value: "15" })).toEqual([]);
    expect(reviewFlags({ ...figure, value: "5" })).toEqual([]);
  });

  it("cannot say a share of a previous quarter of 0 or of none", () => {
    expect(reviewFlags({ ...figure, value: "9", previous: "0" })).toEqual([]);
    expect(reviewFlags({ ...figure, value: "9", previous: null })).toEqual([]);
  });

  it("flags a figure more than half past its target: the quarter's value, or the year to date", () => {
    expect(reviewFlags({ ...figure, target: { scope: "QUARTER", value: "6", reached: null } })).toEqual([
      "167% of the quarter's target: past it by more than 50%",
    ]);
    expect(reviewFlags({ ...figure, target: { scope: "QUARTER", value: "8", reached: null } })).toEqual([]);
    expect(reviewFlags({ ...figure, target: { scope: "YEAR", value: "16", reached: "25" } })).toEqual([
      "156% of the year's target (year to date): past it by more than 50%",
    ]);
    expect(reviewFlags({ ...figure, target: { scope: "YEAR", value: "16", reached: "24" } })).toEqual([]);
  });

  it("names the breakdown cells left empty", () => {
    expect(reviewFlags({ ...figure, emptyCells: ["SEX=M"] })).toEqual(["Breakdown incomplete: Male left empty"]);
  });

  it("does not compare text", () => {
    expect(reviewFlags({ unit: "TEXT", value: "many", previous: "few", target: null, emptyCells: [] })).toEqual([]);
  });
});

describe("describeChange", () => {
  it("signs the difference and gives its share of the previous quarter", () => {
    expect(describeChange("14", "10")).toBe("+4 (+40%)");
    expect(describeChange("7", "10")).toBe("−3 (−30%)");
    expect(describeChange("10", "10")).toBe("±0 (±0%)");
    expect(describeChange("3", "0")).toBe("+3");
    expect(describeChange("3", null)).toBeNull();
    expect(describeChange(null, "3")).toBeNull();
  });
});

describe("changesBetweenRounds", () => {
  const units = { "O1.1": "COUNT", "O5.2": "PERCENT" } as const;
  it("lists only what changed: a cell, a note, an evidence link; 12 and 12.00 are the same, empty is not 0", () => {
    const before = {
      "O1.1": { cells: { "": "12", "SEX=F": "7", "SEX=M": "5" }, note: "As counted", evidence: null },
      "O5.2": { cells: { "": "75" }, note: null, evidence: "https://example.org/a" },
    };
    const after = {
      "O1.1": { cells: { "": "12.00", "SEX=F": "8", "SEX=M": "4" }, note: "As counted", evidence: null },
      "O5.2": { cells: { "": "0" }, note: null, evidence: "https://example.org/b" },
    };
    expect(changesBetweenRounds(units, before, after)).toEqual([
      { code: "O1.1", field: "Female", from: "7", to: "8" },
      { code: "O1.1", field: "Male", from: "5", to: "4" },
      { code: "O5.2", field: "Total", from: "75", to: "0" },
      { code: "O5.2", field: "evidence link", from: "https://example.org/a", to: "https://example.org/b" },
    ]);
    expect(
      changesBetweenRounds(
        units,
        { "O5.2": { cells: { "": null }, note: null, evidence: null } },
        { "O5.2": { cells: { "": "0" }, note: null, evidence: null } },
      ),
    ).toEqual([{ code: "O5.2", field: "Total", from: null, to: "0" }]);
    expect(changesBetweenRounds(units, before, before)).toEqual([]);
  });
});

describe("the one word for a report's state", () => {
  it("tells a returned report being revised, and a reopened one, from the rest", () => {
    expect(reportState(null)).toBe("NOT_STARTED");
    expect(reportState({ status: "DRAFT", reopenedAt: null, revisedAt: null })).toBe("DRAFT");
    expect(reportState({ status: "RETURNED", reopenedAt: null, revisedAt: null })).toBe("RETURNED");
    expect(reportState({ status: "RETURNED", reopenedAt: null, revisedAt: new Date() })).toBe("RETURNED_REVISING");
    expect(reportState({ status: "RETURNED", reopenedAt: new Date(), revisedAt: null })).toBe("REOPENED");
    expect(reportState({ status: "RETURNED", reopenedAt: new Date(), revisedAt: new Date() })).toBe("REOPENED_REVISING");
    expect(reportState({ status: "APPROVED", reopenedAt: null, revisedAt: null })).toBe("APPROVED");
  });
});

describe("the rules beside each field", () => {
  it("says what a value must be, and what the breakdown must do", () => {
    expect(describeRule({ unit: "PERCENT", dimensions: [], cellsSumToTotal: true })).toBe(
      "A percentage from 0 to 100, at most two decimals; the total required to submit (0 if none).",
    );
    expect(describeRule({ unit: "COUNT", dimensions: ["SEX"], cellsSumToTotal: true })).toBe(
      "A whole number from 0 to 1,000,000; the total required to submit (0 if none); to submit, every breakdown cell filled (0 where none), adding up to the total.",
    );
  });
});

describe("a review decision", () => {
  it("is never assumed: without one the form asks for it", () => {
    const result = reviewSubmissionSchema.safeParse({ submissionId: "s1", version: "3", reason: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["decision", "Choose approve or return."]]);
  });
});

describe("how a due date stands", () => {
  it("counts the days to it, or says since when it is overdue", () => {
    expect(dueText("2026-12-14", "2026-12-02")).toBe("due in 12 days (December 14, 2026)");
    expect(dueText("2026-12-03", "2026-12-02")).toBe("due in 1 day (December 3, 2026)");
    expect(dueText("2026-12-02", "2026-12-02")).toBe("due today");
    expect(dueText("2021-04-30", "2026-12-02")).toBe("overdue since April 30, 2021");
    expect(dueText(null, "2026-12-02")).toBe("no due date set");
  });
});
