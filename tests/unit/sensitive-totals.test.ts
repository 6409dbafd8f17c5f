import { describe, expect, it } from "vitest";
import { controlSensitiveTotal, feasibleInterval, pinnedSmallCounts, roundToBase } from "../../lib/disclosure/sensitive-totals";

describe("rounding a sensitive total", () => {
  it("rounds to the nearest 10, halves up", () => {
    expect([0, 4, 5, 14, 15, 44, 281, 312].map(roundToBase)).toEqual([0, 0, 10, 10, 20, 40, 280, 310]);
  });
});

describe("the audit across releases", () => {
  const truth = new Map([
    ["Q1.1", 9],
    ["Q2.1", 5],
  ]);

  it("bounds a quarter by every total that counts it", () => {
    // Q1 alone about 10 (5–14); Q1 and Q2 together about 10 (5–14): Q1 is 5–14 at most, Q2 0–9.
    const published = [
      { counted: ["Q1.1"], rounded: 10 },
      { counted: ["Q1.1", "Q2.1"], rounded: 10 },
    ];
    expect(feasibleInterval(published, "Q1.1")).toEqual({ min: 5, max: 14 });
    expect(feasibleInterval(published, "Q2.1")).toEqual({ min: 0, max: 9 });
    expect(feasibleInterval(published, "Q9.1")).toEqual({ min: 0, max: Infinity });
  });

  it("withholds the total that would pin a small count, and publishes one that would not", () => {
    const history = [
      { counted: ["Q1.1"], rounded: 10 },
      { counted: ["Q1.1", "Q2.1"], rounded: 10 },
    ];
    // Q1 reopened: a total of Q2 alone (5, about 10: 5–14) would put Q1 at 14 − 5 = 9 at most and
    // 5 at least, and Q2 at 14 − 5 = 9 at most too.
    expect(pinnedSmallCounts([...history, { counted: ["Q2.1"], rounded: 10 }], truth)).toEqual(["Q1.1", "Q2.1"]);
    expect(controlSensitiveTotal(history, truth, ["Q2.1"])).toEqual({ counted: ["Q2.1"], rounded: null });
    // Q2 approved again at 30: about 30 pins nothing.
    const revised = new Map([...truth, ["Q2.2", 30]]);
    expect(controlSensitiveTotal(history, revised, ["Q2.2"])).toEqual({ counted: ["Q2.2"], rounded: 30 });
  });

  it("pins a count of 1 as readily as one of 9", () => {
    // Q1 alone rounds to 0 (0–4) and Q2 alone to 0 (0–4), but together to 10 (5–14): each is 1–4.
    const published = [
      { counted: ["Q1.1"], rounded: 0 },
      { counted: ["Q2.1"], rounded: 0 },
      { counted: ["Q1.1", "Q2.1"], rounded: 10 },
    ];
    expect(
      pinnedSmallCounts(
        published,
        new Map([
          ["Q1.1", 1],
          ["Q2.1", 4],
        ]),
      ),
    ).toEqual(["Q1.1", "Q2.1"]);
  });

  it("reads nothing into a withheld total, and refuses totals that contradict each other or a value it lacks", () => {
    expect(
      feasibleInterval(
        [
          { counted: ["Q1.1"], rounded: null },
          { counted: ["Q1.1", "Q2.1"], rounded: 10 },
        ],
        "Q1.1",
      ),
    ).toEqual({ min: 0, max: 14 });
    expect(() =>
      feasibleInterval(
        [
          { counted: ["Q1.1"], rounded: 0 },
          { counted: ["Q1.1"], rounded: 20 },
        ],
        "Q1.1",
      ),
    ).toThrow(/inconsistent/);
    expect(() => pinnedSmallCounts([{ counted: ["Q3.1"], rounded: 10 }], truth)).toThrow("The disclosure audit has no value for Q3.1.");
    expect(() => controlSensitiveTotal([], truth, ["Q3.1"])).toThrow("The disclosure audit has no value for a counted quarter.");
  });

  it("publishes nothing for no approved quarter", () => {
    expect(controlSensitiveTotal([], truth, [])).toEqual({ counted: [], rounded: null });
  });
});
