// Where the login page may send a user after sign-in: only a path of this site. Each bypass
// below is a form a browser reads as another site (tabs and newlines dropped, "\" read as "/",
// "/./" collapsed), written out by hand, not produced by the code under test.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../lib/auth/sign-in-messages";

const OFF_SITE = [
  "//evil.example",
  "///evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/./\\evil.example",
  "/.//evil.example",
  "/../..//evil.example",
  "https://evil.example/",
  "https:evil.example",
  "javascript:alert(1)",
  "data:text/html,hi",
  "evil.example",
  "",
];

describe("the return path after sign-in", () => {
  it.each(OFF_SITE)("sends %j to the dashboard, never off the site", (next) => {
    expect(safeReturnPath(next)).toBe("/dashboard");
  });

  it("sends a missing return path to the dashboard", () => {
    expect(safeReturnPath(null)).toBe("/dashboard");
    expect(safeReturnPath(undefined)).toBe("/dashboard");
  });

  it.each([
    ["/dashboard/admin/users", "/dashboard/admin/users"],
    ["/dashboard/philippines/reports/2019Q3?tab=values#O1.1", "/dashboard/philippines/reports/2019Q3?tab=values#O1.1"],
    // A path with an escaped slash stays a path on this site.
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the path of this site %j", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  it("drops the characters a header cannot carry, so the redirect cannot fail", () => {
    expect(safeReturnPath("/dashboard\r\nSet-Cookie: a=b")).toBe("/dashboardSet-Cookie:%20a=b");
    expect(safeReturnPath("/dashboard/\u2028x")).toBe("/dashboard/%E2%80%A8x");
  });
});
