import { describe, expect, it } from "vitest";
import { addressShowing, shownSections } from "../../lib/dashboard-sections";

describe("the overview's sections sent on demand", () => {
  it("reads the sections named in the address, in either form, and ignores other words", () => {
    expect([...shownSections("reporting,organizations")].sort()).toEqual(["organizations", "reporting"]);
    expect([...shownSections(["statements", "reporting"])].sort()).toEqual(["reporting", "statements"]);
    expect([...shownSections("everything,<script>")]).toEqual([]);
    expect([...shownSections(undefined)]).toEqual([]);
  });

  it("opens one more section, keeping the filters and the sections already open", () => {
    expect(addressShowing("/dashboard/philippines", { currency: "PHP", objective: "O2" }, "reporting")).toBe(
      "/dashboard/philippines?currency=PHP&objective=O2&show=reporting",
    );
    expect(addressShowing("/dashboard/philippines", { show: "reporting", from: ["2019Q1", "2020Q1"] }, "statements")).toBe(
      "/dashboard/philippines?from=2019Q1&show=statements,reporting",
    );
  });

  it("escapes what the address carried", () => {
    expect(addressShowing("/dashboard/x", { objective: "a&show=b c" }, "organizations")).toBe("/dashboard/x?objective=a%26show%3Db+c&show=organizations");
  });
});
