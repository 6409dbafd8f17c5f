import { describe, expect, it } from "vitest";
import { formatQuarter, parseQuarter, quarterOfDate, quarterRange, reportDueOn, yearRunsWithSameList } from "../../lib/periods";

describe("reporting quarters", () => {
  it("round-trip through their text form", () => {
    expect(parseQuarter("2019Q3")).toEqual({ year: 2019, quarter: 3 });
    expect(parseQuarter(" 2019q3 ")).toEqual({ year: 2019, quarter: 3 });
    expect(formatQuarter({ year: 2019, quarter: 3 })).toBe("2019Q3");
  });

  it("refuse what is not a quarter", () => {
    for (const text of ["2019Q5", "2019Q0", "19Q3", "2019-Q3", "", "2019Q3x", "x2019Q3", "12019Q3"]) expect(parseQuarter(text)).toBeNull();
  });

  it("span the partnership period across year boundaries", () => {
    const quarters = quarterRange({ year: 2017, quarter: 2 }, { year: 2021, quarter: 2 }).map(formatQuarter);
    expect(quarters).toHaveLength(17);
    expect(quarters.slice(0, 4)).toEqual(["2017Q2", "2017Q3", "2017Q4", "2018Q1"]);
    expect(quarters.at(-1)).toBe("2021Q2");
    expect(quarterRange({ year: 2021, quarter: 1 }, { year: 2020, quarter: 4 })).toEqual([]);
  });

  it("place calendar dates without a time zone", () => {
    expect(quarterOfDate("2017-04-11")).toEqual({ year: 2017, quarter: 2 });
    expect(quarterOfDate("2017-12-31")).toEqual({ year: 2017, quarter: 4 });
    expect(quarterOfDate("2018-01-01")).toEqual({ year: 2018, quarter: 1 });
    for (const bad of ["2018-13-01", "2018-00-01", "2018", "-03-01", "spring"]) expect(() => quarterOfDate(bad), bad).toThrow(`Not a calendar date: ${bad}`);
  });

  it("fall due 30 days after they end", () => {
    expect(reportDueOn({ year: 2019, quarter: 1 })).toBe("2019-04-30");
    expect(reportDueOn({ year: 2019, quarter: 2 })).toBe("2019-07-30");
    expect(reportDueOn({ year: 2019, quarter: 3 })).toBe("2019-10-30");
    expect(reportDueOn({ year: 2019, quarter: 4 })).toBe("2020-01-30");
  });
});

describe("yearRunsWithSameList", () => {
  const lists: Record<number, string[]> = { 2017: ["O2.1", "O1.1"], 2018: ["O1.1"], 2019: ["O1.1"], 2020: [], 2021: ["O1.1"] };
  const runs = (years: number[]) =>
    yearRunsWithSameList(
      years,
      (y) => lists[y] ?? [],
      (code) => code,
    );

  it("shows a list once for consecutive years that share it, and apart where it differs", () => {
    expect(runs([2017, 2018, 2019, 2020, 2021])).toEqual([
      { label: "2017", items: ["O2.1", "O1.1"] },
      { label: "2018–2019", items: ["O1.1"] },
      { label: "2020", items: [] },
      { label: "2021", items: ["O1.1"] },
    ]);
  });

  it("does not join years that are not consecutive, nor lists in another order", () => {
    expect(runs([2018, 2021]).map((r) => r.label)).toEqual(["2018", "2021"]);
    const swapped = yearRunsWithSameList(
      [2017, 2018],
      (y) => (y === 2017 ? ["O1.1", "O2.1"] : ["O2.1", "O1.1"]),
      (code) => code,
    );
    expect(swapped.map((r) => r.label)).toEqual(["2017", "2018"]);
    expect(runs([])).toEqual([]);
  });
});
