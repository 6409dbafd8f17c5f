// Every way into the app that needs a session, with the permission it requires. The
// authorization matrix test (tests/integration/authorization-matrix.test.ts) finds every server
// action and page in app/ and fails when one is missing here, then checks each against every
// role and an anonymous visitor.
import type { Action } from "./permissions";

/** Server actions, by file and export name. */
export const SERVER_ACTIONS = {
  "app/dashboard/admin/users/actions.ts": {
    createUserAction: "user.manage",
    changeUserAccessAction: "user.manage",
    setUserDisabledAction: "user.manage",
    resetUserPasswordAction: "user.manage",
  },
  "app/dashboard/account/actions.ts": {
    changeOwnPasswordAction: "account.manage",
    startTwoStepAction: "account.manage",
    confirmTwoStepAction: "account.manage",
  },
  "app/dashboard/[slug]/reports/[period]/actions.ts": {
    reviewSubmissionAction: "submission.review",
    saveSubmissionAction: "submission.edit",
    reopenSubmissionAction: "submission.reopen",
    addCommentAction: "submission.comment",
    recordContributionAction: "contribution.record",
    removeContributionAction: "contribution.record",
  },
  "app/dashboard/[slug]/targets/actions.ts": {
    setTargetAction: "target.manage",
    clearTargetAction: "target.manage",
  },
  "app/dashboard/[slug]/dialogues/actions.ts": {
    saveDialogueAction: "dialogue.manage",
    recordMinutesAction: "dialogue.manage",
    addDecisionAction: "dialogue.manage",
  },
  "app/dashboard/[slug]/sustainability/actions.ts": {
    saveSustainabilityAction: "sustainability.edit",
  },
  "app/dashboard/notifications/actions.ts": {
    openNotificationAction: "account.manage",
    markAllReadAction: "account.manage",
    saveMailPreferencesAction: "account.manage",
  },
} as const satisfies Record<string, Record<string, Action>>;

/** "signed-in": any signed-in user; otherwise the permission (for a partnership when the path has one). */
export type RouteRule = "signed-in" | Action;

/** Pages and route handlers under a session, by their app/ path. */
export const PROTECTED_ROUTES: Record<string, RouteRule> = {
  "/dashboard": "signed-in",
  "/dashboard/admin/users": "user.manage",
  "/dashboard/account": "account.manage",
  "/dashboard/notifications": "account.manage",
  "/dashboard/admin/outbox": "user.manage",
  "/dashboard/[slug]": "dashboard.view",
  "/dashboard/[slug]/reports": "dashboard.view",
  "/dashboard/[slug]/reports/[period]": "dashboard.view",
  "/dashboard/[slug]/audit": "audit.view",
  "/dashboard/[slug]/releases": "dashboard.view",
  "/dashboard/[slug]/reports/[period]/import": "submission.edit",
  "/api/partnerships/[slug]/reports/[period]/export": "dashboard.view",
  "/api/partnerships/[slug]/reports/[period]/import": "submission.edit",
  "/api/partnerships/[slug]/audit/export": "audit.view",
  "/dashboard/[slug]/indicators/[code]": "dashboard.view",
  "/dashboard/[slug]/objectives/[code]": "dashboard.view",
  "/dashboard/[slug]/targets": "dashboard.view",
  "/dashboard/[slug]/dialogues": "dashboard.view",
  "/dashboard/[slug]/sustainability": "dashboard.view",
  "/dashboard/[slug]/contributions": "dashboard.view",
  "/dashboard/[slug]/dialogues/[id]": "dashboard.view",
  "/api/partnerships/[slug]/dialogues/[id]/pack.pdf": "dashboard.view",
};

/** Pages and route handlers anyone may reach. */
export const PUBLIC_ROUTES = [
  "/",
  "/login",
  "/partnerships/[slug]",
  "/partnerships/[slug]/releases",
  "/partnerships/[slug]/releases/[number]",
  "/api/health",
  "/api/auth/[...nextauth]",
  "/api/public/partnerships/[slug]/summary.json",
  "/api/public/partnerships/[slug]/summary.csv",
  "/api/public/partnerships/[slug]/releases/[number]/summary.json",
  "/api/public/partnerships/[slug]/releases/[number]/summary.csv",
  "/api/public/partnerships/[slug]/iati.xml",
  "/api/public/partnerships/[slug]/releases/[number]/iati.xml",
] as const;
