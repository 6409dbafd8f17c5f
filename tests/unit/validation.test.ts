// What each form's rules say to a user, written out: accepted input comes back cleaned, refused
// input names the field and says what to do.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { recordContributionSchema, removeContributionSchema } from "../../lib/validation/contributions";
import { parseDashboardFilters } from "../../lib/validation/dashboard-filters";
import { commentSchema, reopenSubmissionSchema, reviewSubmissionSchema } from "../../lib/validation/submissions";
import { hasNul, isSlug } from "../../lib/validation/text";
import { changeUserAccessSchema, createUserSchema, resetPasswordSchema, setUserDisabledSchema, userIdSchema } from "../../lib/validation/users";

const refusals = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`);
};

describe("partner-government contributions", () => {
  const good = {
    slug: "philippines",
    period: "2020Q1",
    organizationId: "iacat",
    version: "3",
    kind: "IN_KIND",
    currency: "PHP",
    amount: " 1000000.50 ",
    exchangeRate: "50.25",
    rateDate: "2020-03-31",
    rateSource: " BSP reference rate ",
    note: "",
  };

  it("takes an amount, a rate, its date and source, trimmed", () => {
    expect(recordContributionSchema.parse(good)).toEqual({ ...good, version: 3, amount: "1000000.50", rateSource: "BSP reference rate" });
    expect(recordContributionSchema.parse({ ...good, note: undefined }).note).toBe("");
    const today = new Date().toISOString().slice(0, 10);
    expect(
      recordContributionSchema.parse({ ...good, kind: "DISBURSED", currency: "USD", amount: "1000", exchangeRate: " 48 ", rateDate: today, note: " cash " }),
    ).toMatchObject({
      kind: "DISBURSED",
      currency: "USD",
      amount: "1000",
      exchangeRate: "48",
      rateDate: today,
      note: "cash",
    });
  });

  it("says what is wrong with each field", () => {
    expect(refusals(recordContributionSchema, { ...good, kind: "SPENT", currency: "EUR" })).toEqual([
      "kind: Choose cash or in kind.",
      "currency: Choose PHP or USD.",
    ]);
    expect(refusals(recordContributionSchema, { ...good, amount: "1,000" })).toEqual([
      "amount: Enter the amount as a number with at most two decimals, without commas.",
    ]);
    expect(refusals(recordContributionSchema, { ...good, amount: "1.005" })).toHaveLength(1);
    expect(refusals(recordContributionSchema, { ...good, amount: "1234567890123456" })).toHaveLength(1);
    expect(refusals(recordContributionSchema, { ...good, amount: "123456789012345.99" })).toEqual([]);
    expect(refusals(recordContributionSchema, { ...good, amount: "0.00" })).toEqual(["amount: Enter an amount above 0."]);
    expect(refusals(recordContributionSchema, { ...good, exchangeRate: "50,25" })).toEqual(["exchangeRate: Enter the rate in PHP per USD, for example 50.25."]);
    expect(refusals(recordContributionSchema, { ...good, exchangeRate: "0" })).toEqual(["exchangeRate: The rate must be above 0."]);
    expect(refusals(recordContributionSchema, { ...good, exchangeRate: "1234567" })).toHaveLength(1);
    expect(refusals(recordContributionSchema, { ...good, rateDate: "31/03/2020" })).toEqual(["rateDate: Enter the date of the rate as YYYY-MM-DD."]);
    expect(refusals(recordContributionSchema, { ...good, rateDate: "2999-01-01" })).toEqual(["rateDate: The rate's date cannot be in the future."]);
    expect(refusals(recordContributionSchema, { ...good, rateSource: "  " })).toEqual([
      "rateSource: Say where the rate comes from, for example the BSP reference rate.",
    ]);
    expect(refusals(recordContributionSchema, { ...good, rateSource: "s".repeat(301) })).toEqual(["rateSource: Use at most 300 characters."]);
    expect(refusals(recordContributionSchema, { ...good, note: "n".repeat(1001) })).toEqual(["note: Use at most 1,000 characters."]);
    for (const period of ["2020Q5", "x2020Q1", "2020Q1x"])
      expect(refusals(recordContributionSchema, { ...good, period })).toEqual(["period: Reload the page: the quarter is missing."]);
    expect(refusals(recordContributionSchema, { ...good, slug: "" })).toHaveLength(1);
    expect(refusals(recordContributionSchema, { ...good, slug: "s".repeat(81), organizationId: "o".repeat(65), version: "-1" })).toHaveLength(3);
    expect(refusals(removeContributionSchema, { contributionId: "c1", version: "x" })).toHaveLength(1);
    expect(removeContributionSchema.parse({ contributionId: "c1", version: "4" })).toEqual({ contributionId: "c1", version: 4 });
  });
});

describe("reviewing a quarter's report", () => {
  it("approves without a reason, returns only with one", () => {
    expect(reviewSubmissionSchema.parse({ submissionId: " s1 ", version: "2", decision: "APPROVE" })).toEqual({
      submissionId: "s1",
      version: 2,
      decision: "APPROVE",
      reason: "",
    });
    expect(refusals(reviewSubmissionSchema, { submissionId: "s1", version: "2", decision: "RETURN", reason: "  " })).toEqual([
      "reason: Say why you are returning it, so the encoder knows what to fix.",
    ]);
    expect(reviewSubmissionSchema.parse({ submissionId: "s1", version: "2", decision: "RETURN", reason: " Missing O2.1 " }).reason).toBe("Missing O2.1");
    expect(refusals(reviewSubmissionSchema, { submissionId: "s1", version: "2", decision: "MAYBE" })).toEqual(["decision: Choose approve or return."]);
    expect(refusals(reviewSubmissionSchema, { submissionId: "s1", version: "two", decision: "APPROVE" })).toEqual([
      "version: Reload the page: the form is missing its version.",
    ]);
    const both = refusals(reviewSubmissionSchema, { submissionId: "", version: "1", decision: "APPROVE", reason: "r".repeat(2001) });
    expect(both.map((m) => m.split(":")[0])).toEqual(["submissionId", "reason"]);
    expect(both[1]).toBe("reason: Use at most 2,000 characters.");
    expect(refusals(reviewSubmissionSchema, { submissionId: "s".repeat(65), version: "-1", decision: "APPROVE" })).toHaveLength(2);
  });

  it("reopens only with a reason, and takes comments of up to 4,000 characters", () => {
    expect(refusals(reopenSubmissionSchema, { submissionId: "s1", version: "1", reason: " " })).toEqual([
      "reason: Say why the quarter is reopened: it is recorded and shown to the encoder.",
    ]);
    expect(refusals(reopenSubmissionSchema, { submissionId: "s1", version: "1", reason: "r".repeat(2001) })).toEqual(["reason: Use at most 2,000 characters."]);
    expect(reopenSubmissionSchema.parse({ submissionId: "s1", version: "1", reason: " late data " }).reason).toBe("late data");
    expect(refusals(commentSchema, { submissionId: "s1", body: "  " })).toEqual(["body: Write the comment first."]);
    expect(refusals(commentSchema, { submissionId: "s1", body: "b".repeat(4001) })).toEqual(["body: Use at most 4,000 characters."]);
    expect(commentSchema.parse({ submissionId: "s1", body: "b".repeat(4000) }).body).toHaveLength(4000);
  });
});

describe("users", () => {
  const person = {
    email: " Maria.Santos@DOJ.gov.ph ",
    name: " Maria Santos ",
    password: "a long enough passphrase",
    role: "ENCODER",
    organizationId: "iacat",
    partnershipIds: ["ph"],
  };

  it("creates a user with a cleaned email and name", () => {
    expect(createUserSchema.parse(person)).toEqual({ ...person, email: "maria.santos@doj.gov.ph", name: "Maria Santos" });
  });

  it("needs a partnership for every role but the administrator's", () => {
    expect(refusals(createUserSchema, { ...person, partnershipIds: [] })).toEqual(["partnershipIds: Choose at least one partnership for this role."]);
    expect(refusals(createUserSchema, { ...person, role: "ADMIN", partnershipIds: undefined })).toEqual([]);
    expect(refusals(changeUserAccessSchema, { userId: "u1", role: "REVIEWER", organizationId: "tip" })).toEqual([
      "partnershipIds: Choose at least one partnership for this role.",
    ]);
    expect(refusals(changeUserAccessSchema, { userId: "u1", role: "CEO", organizationId: "tip", partnershipIds: ["ph"] })).toEqual(["role: Choose a role."]);
    expect(
      refusals(changeUserAccessSchema, { userId: "u1", role: "PARTNER", organizationId: "ijm", partnershipIds: Array.from({ length: 51 }, (_, i) => `p${i}`) }),
    ).toHaveLength(1);
  });

  it("says what is wrong with an email, a name or an id", () => {
    expect(refusals(createUserSchema, { ...person, email: "maria" })).toEqual(["email: Enter an email address, like name@agency.gov."]);
    expect(refusals(createUserSchema, { ...person, email: `${"m".repeat(250)}@d.gov` })).toHaveLength(1);
    expect(refusals(createUserSchema, { ...person, name: " " })).toEqual(["name: Enter the person's name."]);
    expect(refusals(createUserSchema, { ...person, name: "n".repeat(121) })).toEqual(["name: Use at most 120 characters."]);
    expect(refusals(userIdSchema, { userId: " " })).toEqual(["userId: Choose one."]);
    expect(refusals(userIdSchema, { userId: "u".repeat(65) })).toHaveLength(1);
    expect(setUserDisabledSchema.parse({ userId: "u1", disabled: "true" }).disabled).toBe(true);
    expect(setUserDisabledSchema.parse({ userId: "u1", disabled: "false" }).disabled).toBe(false);
    expect(refusals(setUserDisabledSchema, { userId: "u1", disabled: "yes" })).toHaveLength(1);
    expect(refusals(resetPasswordSchema, { userId: "u1", password: "short" })).toHaveLength(1);
  });
});

describe("text from outside", () => {
  it("refuses NUL, and takes slugs as the seed writes them", () => {
    expect([hasNul("a\u0000b"), hasNul("ab")]).toEqual([true, false]);
    expect(["philippines", "cote-divoire", "a1"].map(isSlug)).toEqual([true, true, true]);
    expect(["Philippines", "-ph", "ph-", "p--h", "p h", "", "p".repeat(81)].map(isSlug)).toEqual([false, false, false, false, false, false, false]);
    expect(isSlug("p".repeat(80))).toBe(true);
  });
});

describe("the dashboard's filters in the address", () => {
  it("reads good values and falls back on bad ones", () => {
    expect(parseDashboardFilters({ currency: "PHP", from: "2019q1", to: ["2019Q4", "2020Q1"], objective: "O2", partner: "IJM", indicator: "O2.1" })).toEqual({
      currency: "PHP",
      from: "2019Q1",
      to: "2019Q4",
      objective: "O2",
      partner: "IJM",
      indicator: "O2.1",
    });
    expect(parseDashboardFilters({ currency: "EUR", from: "2019Q5", to: "", objective: "O2;drop", indicator: "x".repeat(41) })).toEqual({
      currency: "USD",
      from: undefined,
      to: undefined,
      objective: undefined,
      partner: undefined,
      indicator: undefined,
    });
    expect(parseDashboardFilters({})).toEqual({
      currency: "USD",
      from: undefined,
      to: undefined,
      objective: undefined,
      partner: undefined,
      indicator: undefined,
    });
    expect(parseDashboardFilters({ indicator: "x".repeat(40) }).indicator).toHaveLength(40);
  });
});
