// How the dialogue pack words its figures, and what its address may ask for. Expected answers by hand.
import { describe, expect, it } from "vitest";
import { readPackBasis } from "../../lib/dialogues/basis";
import { varianceText, verdictText } from "../../lib/dialogues/format";

describe("the pack's variance and verdict", () => {
  it("signs the variance with its share of the target, and says percentage points for a percentage", () => {
    expect(varianceText({ variance: "3", variancePercent: "18.8", unit: "COUNT" })).toBe("+3 (+18.8%)");
    expect(varianceText({ variance: "-2", variancePercent: "-12.5", unit: "COUNT" })).toBe("−2 (−12.5%)");
    expect(varianceText({ variance: "0", variancePercent: "0.0", unit: "COUNT" })).toBe("0 (0.0%)");
    expect(varianceText({ variance: "-5", variancePercent: "-6.3", unit: "PERCENT" })).toBe("−5 points (−6.3%)");
    expect(varianceText({ variance: "4", variancePercent: null, unit: "COUNT" })).toBe("+4");
    expect(varianceText({ variance: null, variancePercent: null, unit: "COUNT" })).toBe("—");
  });

  it("never reads a missing target or figure as a miss", () => {
    expect(verdictText({ met: null, target: null, actual: "12" })).toBe("No target set");
    expect(verdictText({ met: null, target: "16", actual: null })).toBe("No approved figure");
    expect(verdictText({ met: true, target: "16", actual: "19" })).toBe("Target met");
    expect(verdictText({ met: false, target: "16", actual: "14" })).toBe("Target not met");
  });
});

describe("what a pack's address may ask for", () => {
  it("reads a release number, the live figures, or nothing; anything else is refused", () => {
    expect(readPackBasis({ release: "12" })).toBe(12);
    expect(readPackBasis({ live: "1" })).toBe("live");
    expect(readPackBasis({})).toBeNull();
    expect(readPackBasis({ release: "0" })).toBe("invalid");
    expect(readPackBasis({ release: "1e3" })).toBe("invalid");
    expect(readPackBasis({ release: "12", live: "1" })).toBe("invalid");
    expect(readPackBasis({ release: ["3", "4"] })).toBe(3);
  });
});
