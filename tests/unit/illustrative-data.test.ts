import { describe, expect, it } from "vitest";
import { indicators, quarterlyDeliveries, deliveries, quarterlyValues, reportingQuarters, splitWhole } from "../../prisma/seed/illustrative";

describe("illustrative quarterly data", () => {
  it("splits a whole number into whole parts that add up to it", () => {
    expect(splitWhole(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitWhole(312, [0, 0, 1, 2, 3]).reduce((a, b) => a + b)).toBe(312);
    expect(splitWhole(5, [0, 0])).toEqual([0, 0]);
  });

  it("gives every count indicator one value per quarter adding up to its total, with nothing before the launch", () => {
    for (const spec of indicators.filter((s) => s.unit === "COUNT")) {
      const values = quarterlyValues(spec);
      expect(values).toHaveLength(reportingQuarters().length);
      expect(values.reduce((sum, v) => sum + v.total, 0)).toBe(spec.illustrativeTotal);
      expect(values.slice(0, 2).every((v) => v.total === 0)).toBe(true);
      for (const v of values) {
        const cells = Object.values(v.cells);
        if (cells.length > 0) expect(cells.reduce((a, b) => a + b, 0)).toBe(v.total);
      }
    }
  });

  it("keeps percentages within 0 to 100 and the same on every run", () => {
    const percent = indicators.find((s) => s.unit === "PERCENT");
    expect(percent).toBeDefined();
    const values = quarterlyValues(percent!).map((v) => v.total);
    expect(values.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(quarterlyValues(percent!).map((v) => v.total)).toEqual(values);
  });

  it("delivers whole thousands that add up to each delivery's total", () => {
    for (const spec of deliveries) {
      const amounts = quarterlyDeliveries(spec);
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(spec.total);
      expect(amounts.every((a) => a % 1000 === 0)).toBe(true);
    }
  });
});
