// The audit log in words. Each before/after below is the shape a write in lib/data records
// (copied from what submissions.ts, contributions.ts, users.ts and sign-in.ts pass to recordAudit);
// the expected lists are written out by hand.
import { describe, expect, it } from "vitest";
import { changesText, describeChanges, eventLabel } from "../../lib/audit/changes";
import { auditQueryString, readAuditFilters } from "../../lib/audit/filters";

describe("an audit event's change list", () => {
  it("lists a report's changed cells, notes and evidence links, and nothing that stayed", () => {
    const before = {
      status: "RETURNED",
      version: 3,
      values: { "O1.1": { "": "12", "SEX=F": "7", "SEX=M": "5" }, "O2.1": { "": "4" } },
      notes: { "O1.1": { note: "from the registry", evidence: null } },
    };
    const after = {
      status: "SUBMITTED",
      version: 4,
      values: { "O1.1": { "": "15", "SEX=F": "10", "SEX=M": "5.00" }, "O2.1": { "": "4" } },
      notes: { "O1.1": { note: "from the case registry", evidence: "https://example.org/r" } },
    };
    expect(describeChanges("submission.submit", before, after)).toEqual([
      { field: "status", from: "Returned", to: "Submitted" },
      { field: "O1.1 Total", from: "12", to: "15" },
      { field: "O1.1 Female", from: "7", to: "10" },
      { field: "O1.1 measurement note", from: "from the registry", to: "from the case registry" },
      { field: "O1.1 evidence link", from: "—", to: "https://example.org/r" },
    ]);
  });

  it("reads a first save from nothing, with cells never entered left out", () => {
    const before = { status: null, version: 0, values: {}, notes: {} };
    const after = { status: "DRAFT", version: 1, values: { "O2.1": { "": "4", "SEX=F": null } }, notes: {} };
    expect(describeChanges("submission.save", before, after)).toEqual([
      { field: "status", from: "—", to: "Draft" },
      { field: "O2.1 Total", from: "—", to: "4" },
    ]);
  });

  it("shows a removed note as removed", () => {
    const before = { status: "DRAFT", values: { "O2.1": { "": "4" } }, notes: { "O2.1": { note: "old note", evidence: null } } };
    const after = { status: "DRAFT", values: { "O2.1": { "": "4" } }, notes: {} };
    expect(describeChanges("submission.save", before, after)).toEqual([{ field: "O2.1 measurement note", from: "old note", to: "—" }]);
  });

  it("gives a return its reason, and a reopening its own", () => {
    expect(describeChanges("submission.return", { status: "SUBMITTED", version: 2 }, { status: "RETURNED", version: 3, reason: "Check O2.1" })).toEqual([
      { field: "status", from: "Submitted", to: "Returned" },
      { field: "return reason", from: "—", to: "Check O2.1" },
    ]);
    expect(describeChanges("submission.reopen", { status: "APPROVED", version: 5 }, { status: "RETURNED", version: 6, reason: "Late correction" })).toEqual([
      { field: "status", from: "Approved", to: "Returned" },
      { field: "reason for reopening", from: "—", to: "Late correction" },
    ]);
    expect(describeChanges("submission.approve", { status: "SUBMITTED", version: 2 }, { status: "APPROVED", version: 3 })).toEqual([
      { field: "status", from: "Submitted", to: "Approved" },
    ]);
  });

  it("writes a contribution as one line, recorded or removed", () => {
    const recorded = {
      contributionId: "c1",
      kind: "DISBURSED",
      amount: "1000000",
      currency: "PHP",
      exchangeRate: "56.5",
      rateDate: "2021-05-01",
      rateSource: "BSP reference rate",
    };
    expect(describeChanges("contribution.record", null, recorded)).toEqual([
      { field: "contribution", from: "—", to: "Cash PHP 1000000 at 56.5 PHP per USD (rate of 2021-05-01, BSP reference rate)" },
    ]);
    expect(describeChanges("contribution.remove", { contributionId: "c1", kind: "IN_KIND", amount: "250000", currency: "PHP" }, null)).toEqual([
      { field: "contribution", from: "In kind PHP 250000", to: "—" },
    ]);
  });

  it("shows a comment's text", () => {
    expect(describeChanges("comment.create", null, { submissionId: "s1", body: "Please attach the registry extract." })).toEqual([
      { field: "comment", from: "—", to: "Please attach the registry extract." },
    ]);
    expect(describeChanges("comment.create", null, { submissionId: "s1", indicator: "O2.1", body: "Which court records?" })).toEqual([
      { field: "comment on O2.1", from: "—", to: "Which court records?" },
    ]);
  });

  it("shows a target set, changed and cleared, with its period", () => {
    const target = { indicator: "O2.1", scope: "YEAR", year: 2019, quarter: 0, value: "16", note: null, illustrative: true };
    expect(describeChanges("target.set", null, { ...target, illustrative: false })).toEqual([
      { field: "O2.1 target for 2019", from: "No target set", to: "16" },
    ]);
    expect(describeChanges("target.set", target, { ...target, value: "20", note: "Raised at the 2019 dialogue" })).toEqual([
      { field: "O2.1 target for 2019", from: "16", to: "20" },
      { field: "O2.1 target note", from: "—", to: "Raised at the 2019 dialogue" },
    ]);
    expect(describeChanges("target.cleared", { ...target, scope: "QUARTER", quarter: 3, value: "4" }, null)).toEqual([
      { field: "O2.1 target for 2019Q3", from: "4", to: "No target set" },
    ]);
    expect(eventLabel("target.cleared")).toBe("Target cleared");
  });

  it("names the organization, role and partnerships a user change records by id", () => {
    const names = { org1: "IJM", org2: "IACAT", p1: "U.S.–Philippines CPC Partnership", p2: "U.S.–Ghana CPC Partnership" };
    const before = { email: "ana@example.org", name: "Ana", role: "PARTNER", organizationId: "org1", disabled: false, partnershipIds: ["p1"] };
    const after = { email: "ana@example.org", name: "Ana", role: "ENCODER", organizationId: "org2", disabled: false, partnershipIds: ["p1", "p2"] };
    expect(describeChanges("user.change_access", before, after, names)).toEqual([
      { field: "role", from: "Implementing partner", to: "Encoder (IACAT secretariat)" },
      { field: "organization", from: "IJM", to: "IACAT" },
      { field: "partnerships", from: "U.S.–Philippines CPC Partnership", to: "U.S.–Ghana CPC Partnership, U.S.–Philippines CPC Partnership" },
    ]);
    expect(describeChanges("user.create", null, { ...after, partnershipIds: [] }, names)).toEqual([
      { field: "email", from: "—", to: "ana@example.org" },
      { field: "name", from: "—", to: "Ana" },
      { field: "role", from: "—", to: "Encoder (IACAT secretariat)" },
      { field: "organization", from: "—", to: "IACAT" },
      { field: "partnerships", from: "—", to: "none" },
      { field: "account", from: "—", to: "Active" },
    ]);
    expect(describeChanges("user.disable", { disabled: false }, { disabled: true })).toEqual([{ field: "account", from: "Active", to: "Disabled" }]);
    expect(describeChanges("user.reset_password", null, null)).toEqual([]);
  });

  it("shows a sign-in's email and outcome", () => {
    expect(describeChanges("auth.sign_in_failed", null, { email: "ana@example.org", outcome: "refused: account locked" })).toEqual([
      { field: "email", from: "—", to: "ana@example.org" },
      { field: "outcome", from: "—", to: "refused: account locked" },
    ]);
  });

  it("falls back to each top-level key that differs for a shape it does not know", () => {
    expect(describeChanges("test.recorded", { a: 1, same: "x", gone: true }, { a: 2, same: "x", list: [1, 2] })).toEqual([
      { field: "a", from: "1", to: "2" },
      { field: "gone", from: "true", to: "—" },
      { field: "list", from: "—", to: "[1,2]" },
    ]);
  });

  it("reads as one line in the CSV, and names events in words", () => {
    expect(
      changesText([
        { field: "status", from: "Submitted", to: "Returned" },
        { field: "return reason", from: "—", to: "Check O2.1" },
      ]),
    ).toBe("status: Submitted → Returned; return reason: — → Check O2.1");
    expect(eventLabel("submission.return")).toBe("Quarter's report returned");
    expect(eventLabel("something.new")).toBe("something.new");
  });
});

describe("the audit log's filters", () => {
  it("read the query string other pages link with", () => {
    expect(readAuditFilters({ quarter: "2019q3", indicator: "O1.1", user: "Ana@Example.org", event: "submission.return" })).toEqual({
      filters: { quarter: { year: 2019, quarter: 3 }, indicator: "O1.1", user: "ana@example.org", event: "submission.return" },
      problems: [],
    });
    expect(readAuditFilters({ quarter: "", indicator: " ", user: undefined })).toEqual({ filters: {}, problems: [] });
    expect(auditQueryString({ quarter: { year: 2019, quarter: 3 }, indicator: "O1.1", event: "submission.save" })).toBe(
      "?quarter=2019Q3&indicator=O1.1&event=submission.save",
    );
    expect(auditQueryString({})).toBe("");
  });

  it("say what is wrong with a value instead of failing", () => {
    expect(readAuditFilters({ quarter: "2019Q5", indicator: "O1.1;DROP", user: "ana", event: "<script>" })).toEqual({
      filters: {},
      problems: [
        "“2019Q5” is not a quarter: write the year and quarter, for example 2019Q3.",
        "“O1.1;DROP” is not an indicator code: use a code such as O1.1, as the indicator pages show it.",
        "“ana” is not an email address: choose a user from the list.",
        "“<script>” is not an event of the audit log: choose one from the list.",
      ],
    });
  });
});
