// The kinds of notification, what each is called, and how it reaches a user by e-mail unless they
// choose otherwise (docs/NOTIFICATIONS.md). Pure: pages, the data layer and tests share it.

export const NOTIFICATION_KINDS = ["DUE", "OVERDUE", "SUBMITTED", "RETURNED", "APPROVED", "REOPENED", "PACK_READY", "ACCOUNT"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const MAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type MailMode = (typeof MAIL_MODES)[number];

export const kindLabel: Record<NotificationKind, string> = {
  DUE: "A quarter's report is due soon",
  OVERDUE: "A quarter's report is overdue",
  SUBMITTED: "A quarter is submitted for review",
  RETURNED: "A quarter is returned to its organization",
  APPROVED: "A quarter is approved",
  REOPENED: "An approved quarter is reopened",
  PACK_READY: "A dialogue's pack is ready",
  ACCOUNT: "Your account is created or its password reset",
};

export const modeLabel: Record<MailMode, string> = {
  IMMEDIATE: "E-mail at once",
  DIGEST: "In the daily digest",
  OFF: "No e-mail (listed here only)",
};

/**
 * What a kind does without a choice of the user's. Returns and reopenings ask for work, so they
 * come at once; approvals come often and ask for nothing, so they wait for the digest.
 */
export const defaultMode: Record<NotificationKind, MailMode> = {
  DUE: "IMMEDIATE",
  OVERDUE: "IMMEDIATE",
  SUBMITTED: "IMMEDIATE",
  RETURNED: "IMMEDIATE",
  APPROVED: "DIGEST",
  REOPENED: "IMMEDIATE",
  PACK_READY: "DIGEST",
  ACCOUNT: "IMMEDIATE",
};

/** A notice about one's own account is a security notice: always sent at once, not a choice. */
export const CHOOSABLE_KINDS = NOTIFICATION_KINDS.filter((kind) => kind !== "ACCOUNT");

export function modeFor(kind: NotificationKind, chosen: Partial<Record<NotificationKind, MailMode>>): MailMode {
  if (kind === "ACCOUNT") return "IMMEDIATE";
  return chosen[kind] ?? defaultMode[kind];
}

/**
 * Free text on its way into an e-mail (a return's reason, a reviewer's comment) with its numbers
 * taken out: a comment may quote a count of child victims, and mail leaves the app's access
 * control. The reader follows the link to see the text as written.
 */
export function withoutFigures(text: string): string {
  // An indicator code (O4.1) or a quarter (2020Q4) names something and stays; any other run of digits goes.
  return text.replace(/\b[A-Z]\d+(?:\.\d+)*\b|\b\d{4}Q[1-4]\b|\d(?:[\d,.\s]*\d)?/g, (match) => (/^(?:[A-Z]\d|\d{4}Q[1-4]$)/.test(match) ? match : "[number]"));
}
