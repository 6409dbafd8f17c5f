// The IATI writer on a release written by hand: what it does with a withheld count of children,
// a rounded one, an illustrative delivery, a date past the release, and text that needs escaping.
import { describe, expect, it } from "vitest";
import { iatiActivities, type FundingQuarter } from "../../lib/iati/activity";
import type { PublicRelease, PublicResultSeries } from "../../lib/releases/content";

function release(results: PublicResultSeries[], funding: FundingQuarter[] = []) {
  const quarters = (value: string | null) => [{ quarter: "2020Q1", value, illustrative: false }];
  const input: PublicRelease = {
    release: {
      number: 7,
      publishedAt: "2020-05-02T03:04:05.000Z",
      dateIllustrative: false,
      trigger: "approval",
      event: "IJM's report for 2020Q1 approved",
      reason: null,
      method: "m",
      methodVersion: "2",
      digest: "d",
      supersededAt: null,
    },
    summary: {
      asOf: "2020-05-02",
      partnership: {
        slug: "philippines",
        name: "Partnership <A & B>",
        formalTitle: null,
        country: "Philippines",
        status: "ACTIVE",
        summary: "Summary.",
        signedOn: "2020-01-15",
        endsOn: "2023-01-15",
        termNote: null,
        usFundingStatement: null,
        regions: [],
        usLeadOffice: "TIP Office",
        partnerLeadBody: null,
        firstQuarter: "2020Q1",
        lastQuarter: "2022Q4",
        sources: [],
      },
      parties: [
        { name: "U.S. Department of State, TIP Office", shortName: "TIP Office", role: "DONOR" },
        { name: "IACAT", shortName: "IACAT", role: "HOST" },
      ],
      objectives: [{ code: "O1", title: "Prosecute", description: null }],
      milestones: [],
      headlineResults: [],
      funding: { statements: [], totals: { USD: [], PHP: [] }, quarters: [] },
      results: results.map((r) => ({ ...r, quarters: r.quarters.length ? r.quarters : quarters(null) })),
      illustrativeNote: "Illustrative figures were generated.",
      disclosure: { method: "m", version: "2", rule: "Counts of children: totals rounded to 10." },
    },
  };
  return iatiActivities({ release: input, years: [], budgets: [], funding, publicUrl: "https://tracker.example.org/api/public" });
}

const sensitive = (code: string, over: Partial<PublicResultSeries>): PublicResultSeries => ({
  code,
  name: "Child victims identified",
  unit: "COUNT",
  responsible: "IJM",
  sensitive: true,
  total: null,
  totalRounded: false,
  totalWithheld: null,
  totalIllustrative: false,
  counted: [],
  quarters: [],
  ...over,
});

const periodOf = (xml: string, code: string) => xml.slice(xml.indexOf(`${code}: Child victims`)).split("</indicator>")[0]!;

describe("counts of children in the IATI file", () => {
  it("leaves out a withheld total and says why, with no number", () => {
    const xml = release([sensitive("O1.1", { totalWithheld: "Withheld in this release." })]);
    const period = periodOf(xml, "O1.1");
    expect(period).toContain("<actual>");
    expect(period).toContain("Withheld to protect children");
    expect(period).not.toMatch(/<actual value=/);
  });

  it("gives a rounded total with its rounding, and leaves out one that rounds to 0 (fewer than 5)", () => {
    const xml = release([sensitive("O1.1", { total: "40", totalRounded: true }), sensitive("O1.2", { total: "0", totalRounded: true })]);
    expect(periodOf(xml, "O1.1")).toContain('<actual value="40">');
    expect(periodOf(xml, "O1.1")).toContain("Rounded to the nearest 10 to protect children");
    expect(periodOf(xml, "O1.2")).not.toMatch(/<actual value=/);
    expect(periodOf(xml, "O1.2")).toContain("Fewer than 5: left out to protect children");
  });
});

describe("money in the IATI file", () => {
  it("marks an illustrative delivery, not the pledge beside it, and dates nothing after the release", () => {
    const xml = release([], [{ party: "TIP Office", quarter: "2020Q2", pledged: "1000.00", restated: "0.00", delivered: "250.00", illustrative: true }]);
    const [commitment, disbursement] = xml.split("<transaction>").slice(1);
    expect(commitment).toContain('<transaction-type code="2"/>');
    expect(commitment).not.toContain("Illustrative");
    expect(disbursement).toContain('<transaction-type code="3"/>');
    expect(disbursement).toContain("Illustrative: generated for this demonstration");
    // 2020Q2 ends on 30 June, after the release of 2 May: the value is dated the release's day.
    expect(disbursement).toContain('<value currency="USD" value-date="2020-05-02">250.00</value>');
  });

  it("gives the partner government's pledges as incoming pledges, its contributions as incoming funds", () => {
    const xml = release([], [{ party: "IACAT", quarter: "2020Q1", pledged: "800.00", restated: "16.00", delivered: "40.00", illustrative: false }]);
    const types = [...xml.matchAll(/<transaction-type code="(\d+)"\/>/g)].map((m) => m[1]);
    expect(types).toEqual(["13", "13", "1"]);
    expect(xml).toContain("IACAT restated an earlier amount in 2020Q1: no new money");
  });

  it("escapes what it quotes", () => {
    expect(release([])).toContain("<narrative>Partnership &lt;A &amp; B&gt;</narrative>");
  });
});
