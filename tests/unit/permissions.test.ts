// The permission table as a reviewer reads it, written out here rather than read from
// lib/auth/permissions.ts, and how far each reach goes.
import { describe, expect, it } from "vitest";
import { ACTIONS, can, roleLabel, ROLES, scopeOf, type Actor } from "../../lib/auth/permissions";

// role → action → reach ("-" may not).
// prettier-ignore
const TABLE = {
  ADMIN:    { "dashboard.view": "any",         "submission.edit": "-",            "contribution.record": "-",            "submission.submit": "-",            "submission.review": "-",           "submission.reopen": "any", "submission.comment": "any",          "target.manage": "any",         "dialogue.manage": "any",         "sustainability.edit": "-",            "audit.view": "any",         "user.manage": "any", "account.manage": "any" },
  REVIEWER: { "dashboard.view": "partnership", "submission.edit": "-",            "contribution.record": "-",            "submission.submit": "-",            "submission.review": "partnership", "submission.reopen": "-",   "submission.comment": "partnership",  "target.manage": "partnership", "dialogue.manage": "partnership", "sustainability.edit": "-",            "audit.view": "partnership", "user.manage": "-", "account.manage": "any" },
  ENCODER:  { "dashboard.view": "partnership", "submission.edit": "organization", "contribution.record": "organization", "submission.submit": "organization", "submission.review": "-",           "submission.reopen": "-",   "submission.comment": "organization", "target.manage": "-",           "dialogue.manage": "-",           "sustainability.edit": "organization", "audit.view": "-",           "user.manage": "-", "account.manage": "any" },
  PARTNER:  { "dashboard.view": "partnership", "submission.edit": "organization", "contribution.record": "-",            "submission.submit": "organization", "submission.review": "-",           "submission.reopen": "-",   "submission.comment": "organization", "target.manage": "-",           "dialogue.manage": "-",           "sustainability.edit": "-",            "audit.view": "-",           "user.manage": "-", "account.manage": "any" },
} as const;

const actor = (role: Actor["role"], partnershipIds = ["ph"], organizationId = "iacat"): Actor => ({
  id: "u",
  email: "u@test.local",
  name: "U",
  role,
  organizationId,
  partnershipIds,
});

describe("the permission table", () => {
  it("gives each role exactly the reach a reviewer expects, action by action", () => {
    expect(ACTIONS.sort()).toEqual(Object.keys(TABLE.ADMIN).sort());
    for (const role of ROLES) {
      for (const action of ACTIONS) expect(`${role} ${action}: ${scopeOf(role, action) ?? "-"}`).toBe(`${role} ${action}: ${TABLE[role][action]}`);
    }
  });

  it("reaches any partnership, only assigned ones, or only one's own organization within them", () => {
    const here = { partnershipId: "ph", organizationId: "iacat" };
    expect(can(actor("ADMIN", []), "user.manage")).toBe(true);
    expect(can(actor("ADMIN", []), "submission.reopen", { partnershipId: "gh", organizationId: "x" })).toBe(true);

    expect(can(actor("REVIEWER"), "submission.review", here)).toBe(true);
    expect(can(actor("REVIEWER", ["gh"]), "submission.review", here)).toBe(false);
    expect(can(actor("REVIEWER"), "submission.review", {})).toBe(false);

    expect(can(actor("ENCODER"), "submission.edit", here)).toBe(true);
    expect(can(actor("ENCODER", ["ph"], "ijm"), "submission.edit", here)).toBe(false);
    expect(can(actor("ENCODER", ["gh"]), "submission.edit", here)).toBe(false);
    expect(can(actor("ENCODER"), "submission.edit", { partnershipId: "ph" })).toBe(false);
    expect(can(actor("ENCODER"), "submission.edit", { organizationId: "iacat" })).toBe(false);

    expect(can(actor("PARTNER"), "submission.review", here)).toBe(false);
    expect(can(actor("PARTNER"), "user.manage")).toBe(false);
    // Targets: an administrator anywhere, a reviewer on their own partnerships, no one else.
    expect(can(actor("ADMIN", []), "target.manage", { partnershipId: "gh" })).toBe(true);
    expect(can(actor("REVIEWER"), "target.manage", { partnershipId: "ph" })).toBe(true);
    expect(can(actor("REVIEWER", ["gh"]), "target.manage", { partnershipId: "ph" })).toBe(false);
    expect(can(actor("ENCODER"), "target.manage", here)).toBe(false);
    expect(can(actor("PARTNER"), "target.manage", here)).toBe(false);
    // A partnership-wide reach does not depend on the reviewer's own organization.
    expect(can(actor("REVIEWER", ["ph"], "tip"), "submission.review", here)).toBe(true);
    expect(can(actor("REVIEWER", ["ph"], "tip"), "submission.comment", here)).toBe(true);
  });

  it("names each role as the users page shows it", () => {
    expect(ROLES.map((role) => roleLabel[role])).toEqual(["Administrator", "Reviewer (TIP Office)", "Encoder (IACAT secretariat)", "Implementing partner"]);
  });
});
