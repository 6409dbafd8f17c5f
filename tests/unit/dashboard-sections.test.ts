import { describe, expect, it } from "vitest";
import { reportingSummary } from "../../components/dashboard/reporting-grid";
import { addressShowing, addressWith, shownSections } from "../../lib/dashboard-sections";
import type { ReportingCell } from "../../lib/data/results";

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

  it("names the sections open now, and drops show when none is", () => {
    const params = new URLSearchParams("currency=PHP&show=reporting");
    expect(addressWith("/dashboard/x", params, ["reporting", "statements"])).toBe("/dashboard/x?currency=PHP&show=statements,reporting");
    expect(addressWith("/dashboard/x", params, [])).toBe("/dashboard/x?currency=PHP");
    expect(addressWith("/dashboard/x", new URLSearchParams("show=organizations"), [])).toBe("/dashboard/x");
    expect(addressWith("/dashboard/x", new URLSearchParams(), ["nonsense"])).toBe("/dashboard/x");
  });

  it("escapes what the address carried", () => {
    expect(addressShowing("/dashboard/x", { objective: "a&show=b c" }, "organizations")).toBe("/dashboard/x?objective=a%26show%3Db+c&show=organizations");
  });
});

describe("the reporting grid's line on the overview", () => {
  const cell = (quarter: string, organizationId: string, state: ReportingCell["state"]): ReportingCell => ({
    partnershipId: "p",
    quarter,
    organizationId,
    organization: organizationId.toUpperCase(),
    status: state === "APPROVED" ? "APPROVED" : state === "NOT_STARTED" ? "NOT_STARTED" : "SUBMITTED",
    state,
    dueOn: null,
  });

  it("counts the reports in each state, in the order the app lists states", () => {
    const cells = [
      cell("2020Q1", "ijm", "APPROVED"),
      cell("2020Q1", "tsa", "APPROVED"),
      cell("2020Q2", "ijm", "SUBMITTED"),
      cell("2020Q2", "tsa", "NOT_STARTED"),
      cell("2020Q3", "ijm", "NOT_STARTED"),
      cell("2020Q3", "tsa", "APPROVED"),
    ];
    expect(reportingSummary(cells)).toBe("3 quarters × 2 organizations: 2 not started, 1 submitted, 3 approved");
  });

  it("says one quarter and one organization in the singular", () => {
    expect(reportingSummary([cell("2021Q2", "iacat", "REOPENED")])).toBe("1 quarter × 1 organization: 1 reopened");
  });
});
