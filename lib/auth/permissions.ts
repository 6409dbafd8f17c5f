// The one permission table: which role may do what, and how far its reach goes.
//   any          — every partnership and organization
//   partnership  — only the partnerships the user is assigned to
//   organization — only their own organization's records, within their partnerships
// A role missing from an action's row may not do it. Every page, server action, route handler
// and data function asks `requirePermission` (lib/auth/guard.ts); the tests enumerate this table.

export const ROLES = ["ADMIN", "REVIEWER", "ENCODER", "PARTNER"] as const;
export type Role = (typeof ROLES)[number];

export type Scope = "any" | "partnership" | "organization";

export const PERMISSIONS = {
  /** See the signed-in dashboard of a partnership (read-only figures, charts, reporting status). */
  "dashboard.view": { ADMIN: "any", REVIEWER: "partnership", ENCODER: "partnership", PARTNER: "partnership" },
  /** Enter or change a quarter's values and save a draft. */
  "submission.edit": { ENCODER: "organization", PARTNER: "organization" },
  /** Record the partner government's cash or in-kind contributions with its quarter. */
  "contribution.record": { ENCODER: "organization" },
  /** Send a quarter's draft for review. */
  "submission.submit": { ENCODER: "organization", PARTNER: "organization" },
  /** Approve a submitted quarter, or return it with a reason. */
  "submission.review": { REVIEWER: "partnership" },
  /** Unlock an approved quarter, with a reason. */
  "submission.reopen": { ADMIN: "any" },
  /** Add to a submission's comment thread. */
  "submission.comment": { ADMIN: "any", REVIEWER: "partnership", ENCODER: "organization", PARTNER: "organization" },
  /** Set, change or clear an indicator's targets (per year, quarter or the life of the partnership). */
  "target.manage": { ADMIN: "any", REVIEWER: "partnership" },
  /** Create the annual dialogue of a year and mark the indicators it discusses. */
  "dialogue.manage": { ADMIN: "any", REVIEWER: "partnership" },
  /** Write what continues of each objective after the partnership ends: the partner government's own encoders. */
  "sustainability.edit": { ENCODER: "organization" },
  /** Read the audit log of a partnership. */
  "audit.view": { ADMIN: "any", REVIEWER: "partnership" },
  /** Create users, change their role and partnerships, disable them, reset passwords. */
  "user.manage": { ADMIN: "any" },
  /** Change one's own password (the current one required). */
  "account.manage": { ADMIN: "any", REVIEWER: "any", ENCODER: "any", PARTNER: "any" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export const roleLabel: Record<Role, string> = {
  ADMIN: "Administrator",
  REVIEWER: "Reviewer (TIP Office)",
  ENCODER: "Encoder (IACAT secretariat)",
  PARTNER: "Implementing partner",
};

/** What a permission check needs to know about the acting user. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  partnershipIds: string[];
  /** Signed in, but must set up two-step sign-in before anything but their own account. */
  needsTwoStep?: boolean;
}

/** What the action touches. Omit a field only when the action is not about one. */
export interface ResourceScope {
  partnershipId?: string;
  organizationId?: string;
}

export function scopeOf(role: Role, action: Action): Scope | null {
  const row: Partial<Record<Role, Scope>> = PERMISSIONS[action];
  return row[role] ?? null;
}

/** Whether the actor may take the action on the resource. */
export function can(actor: Actor, action: Action, resource: ResourceScope = {}): boolean {
  const scope = scopeOf(actor.role, action);
  switch (scope) {
    case null:
      return false;
    case "any":
      return true;
    case "partnership":
      return resource.partnershipId !== undefined && actor.partnershipIds.includes(resource.partnershipId);
    case "organization":
      return (
        resource.partnershipId !== undefined &&
        actor.partnershipIds.includes(resource.partnershipId) &&
        resource.organizationId !== undefined &&
        resource.organizationId === actor.organizationId
      );
  }
}

/**
 * Whether the actor may see an organization's raw figures: values not yet approved, breakdowns
 * (by sex, for counts of children), notes and evidence links. Implementing-partner staff see
 * their own organization's only, and approved totals for the rest; every other role that may
 * view a partnership's dashboard sees them all.
 */
export function seesRawFiguresOf(actor: Actor, organizationId: string): boolean {
  return actor.role !== "PARTNER" || actor.organizationId === organizationId;
}
