// What the targets form's rules say to a user, written out: which target (scope, year, quarter),
// its value, note and the value the page showed. Whether a year is the partnership's and a value
// suits the unit is the data layer's (tests/integration/targets.test.ts); the value's own rule is
// the quarter's (checkNumber), checked here with the target's wording.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { checkNumber } from "../../lib/quarter/values";
import { clearTargetSchema, setTargetSchema } from "../../lib/validation/targets";

const refusals = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`);
};

const year = { indicatorId: " ind-1 ", scope: "YEAR", year: " 2019 ", quarter: "0", expected: "", value: " 20 ", note: "  " };

describe("setting a target", () => {
  it("takes a year's target, trimmed, with an empty note as none", () => {
    expect(setTargetSchema.parse(year)).toEqual({ indicatorId: "ind-1", scope: "YEAR", year: 2019, quarter: 0, expected: "", value: "20", note: null });
    expect(setTargetSchema.parse({ ...year, note: " Agreed at the dialogue ", expected: " 16.50 " })).toMatchObject({
      note: "Agreed at the dialogue",
      expected: "16.50",
    });
    expect(setTargetSchema.parse({ ...year, note: undefined, expected: undefined })).toMatchObject({ note: null, expected: "" });
  });

  it("takes a quarter's target with its quarter, and the life of the partnership with neither year nor quarter", () => {
    expect(setTargetSchema.parse({ ...year, scope: "QUARTER", quarter: "4" })).toMatchObject({ scope: "QUARTER", year: 2019, quarter: 4 });
    expect(setTargetSchema.parse({ ...year, scope: "QUARTER", quarter: "1" })).toMatchObject({ quarter: 1 });
    expect(setTargetSchema.parse({ ...year, scope: "LIFE", year: "0" })).toMatchObject({ scope: "LIFE", year: 0, quarter: 0 });
  });

  it("says which field is wrong when the year or quarter does not fit the scope", () => {
    expect(refusals(setTargetSchema, { ...year, scope: "QUARTER", quarter: "0" })).toEqual(["quarter: Choose a quarter from 1 to 4."]);
    expect(refusals(setTargetSchema, { ...year, scope: "QUARTER", quarter: "5" })).toEqual(["quarter: Choose a quarter from 1 to 4."]);
    expect(refusals(setTargetSchema, { ...year, quarter: "2" })).toEqual(["quarter: Only a quarterly target names a quarter."]);
    expect(refusals(setTargetSchema, { ...year, scope: "LIFE" })).toEqual(["year: A target for the life of the partnership names no year."]);
    expect(refusals(setTargetSchema, { ...year, year: "0" })).toEqual(["year: Choose a year."]);
    expect(refusals(setTargetSchema, { ...year, scope: "QUARTER", year: "0", quarter: "2" })).toEqual(["year: Choose a year."]);
    expect(refusals(setTargetSchema, { ...year, year: "twenty" })).toEqual(["year: Choose a year."]);
    expect(refusals(setTargetSchema, { ...year, year: "20190" })).toEqual(["year: Choose a year."]);
    expect(refusals(setTargetSchema, { ...year, quarter: "-1" })).toEqual(["quarter: Choose a quarter from 1 to 4."]);
    expect(refusals(setTargetSchema, { ...year, scope: "MONTH" })).toEqual(["scope: Choose a year, a quarter or the life of the partnership."]);
    expect(refusals(setTargetSchema, { ...year, indicatorId: " " })).toEqual(["indicatorId: Choose an indicator."]);
    expect(refusals(setTargetSchema, { ...year, indicatorId: "x".repeat(65) })).toHaveLength(1);
  });

  it("asks for a value, a bounded note, and a shown value the page could have printed", () => {
    expect(refusals(setTargetSchema, { ...year, value: " " })).toEqual(["value: Enter the target, or use Clear to remove it."]);
    expect(refusals(setTargetSchema, { ...year, value: "1".repeat(41) })).toEqual(["value: Enter a number of 0 or more, with at most two decimals."]);
    expect(refusals(setTargetSchema, { ...year, value: "1".repeat(40) })).toEqual([]);
    expect(refusals(setTargetSchema, { ...year, note: "n".repeat(501) })).toEqual(["note: Use at most 500 characters."]);
    expect(refusals(setTargetSchema, { ...year, note: "n".repeat(500) })).toEqual([]);
    for (const expected of ["-1", "1.234", "abc", "1e3"]) {
      expect(refusals(setTargetSchema, { ...year, expected }), expected).toEqual(["expected: Reload the page, then try again."]);
    }
  });
});

describe("clearing a target", () => {
  it("takes the same key and the value the page showed, and nothing else", () => {
    expect(clearTargetSchema.parse({ ...year, expected: "12" })).toEqual({ indicatorId: "ind-1", scope: "YEAR", year: 2019, quarter: 0, expected: "12" });
    expect(refusals(clearTargetSchema, { ...year, scope: "LIFE" })).toEqual(["year: A target for the life of the partnership names no year."]);
  });
});

describe("a target's value, by the quarter's rule", () => {
  it("names a target in the message about a count's ceiling, and keeps the quarter's wording by default", () => {
    expect(checkNumber("COUNT", "1000001", "A count target")).toBe("A count target is at most 1,000,000: check the figure.");
    expect(checkNumber("COUNT", "1000001")).toBe("A count for one quarter is at most 1,000,000: check the figure.");
    expect(checkNumber("COUNT", "1000000", "A count target")).toBeNull();
  });
});
