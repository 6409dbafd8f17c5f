import { describe, expect, it } from "vitest";
import { suppressCount, suppressGroup } from "../../lib/suppression";

// What the public pages print for a hidden count, written out (not read from the code under test).
const SUPPRESSED = "<10";

const shown = (cells: { key: string; value: number }[]) => suppressGroup(cells).map((c) => c.shown);

describe("small-cell suppression", () => {
  it("shows 1 to 9 as <10, and 0 and 10 as they are", () => {
    expect([0, 1, 9, 10, 312].map(suppressCount)).toEqual(["0", SUPPRESSED, SUPPRESSED, "10", "312"]);
  });

  it("hides a second cell when only one is small, so the total cannot give it away", () => {
    expect(
      shown([
        { key: "Q1", value: 40 },
        { key: "Q2", value: 3 },
        { key: "Q3", value: 25 },
      ]),
    ).toEqual(["40", SUPPRESSED, SUPPRESSED]);
  });

  it("hides two small cells without hiding more", () => {
    expect(
      shown([
        { key: "F", value: 4 },
        { key: "M", value: 7 },
        { key: "X", value: 30 },
      ]),
    ).toEqual([SUPPRESSED, SUPPRESSED, "30"]);
  });

  it("never picks a zero as the second cell: zero reveals nothing", () => {
    expect(
      shown([
        { key: "A", value: 0 },
        { key: "B", value: 5 },
        { key: "C", value: 12 },
      ]),
    ).toEqual(["0", SUPPRESSED, SUPPRESSED]);
  });

  it("publishes a group with no small cell unchanged, 10 included", () => {
    expect(
      shown([
        { key: "A", value: 10 },
        { key: "B", value: 0 },
        { key: "C", value: 11 },
      ]),
    ).toEqual(["10", "0", "11"]);
  });

  it("leaves a lone small cell hidden even when there is nothing else to hide", () => {
    expect(
      shown([
        { key: "A", value: 0 },
        { key: "B", value: 2 },
      ]),
    ).toEqual(["0", SUPPRESSED]);
  });
});
