// Display formats shared by pages. Dates are calendar dates (YYYY-MM-DD) shown in UTC, so the
// day never shifts with the reader's time zone.
const dateFormat = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export const statusLabel: Record<"PLANNED" | "ACTIVE" | "CONCLUDED", string> = {
  PLANNED: "Planned",
  ACTIVE: "Active",
  CONCLUDED: "Concluded",
};

export const partyRoleLabel: Record<"DONOR" | "HOST" | "IMPLEMENTER" | "SUB_IMPLEMENTER", string> = {
  DONOR: "U.S. lead",
  HOST: "Partner-government lead",
  IMPLEMENTER: "Implementing partner",
  SUB_IMPLEMENTER: "Sub-implementing partner",
};

/**
 * The one word for a report's state on every page. A returned or reopened report whose draft was
 * saved since says so ("being revised"); a reopened one is told apart from one a reviewer returned.
 */
export const submissionStatusLabel = {
  NOT_STARTED: "Not started",
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  RETURNED: "Returned",
  RETURNED_REVISING: "Returned — being revised",
  REOPENED: "Reopened",
  REOPENED_REVISING: "Reopened — being revised",
  APPROVED: "Approved",
} as const;

export type ReportState = keyof typeof submissionStatusLabel;

/** A stored report's state (see submissionStatusLabel); no report is NOT_STARTED. */
export function reportState(
  report: { status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED"; reopenedAt: unknown; revisedAt: unknown } | null | undefined,
): ReportState {
  if (!report) return "NOT_STARTED";
  if (report.status !== "RETURNED") return report.status;
  const base = report.reopenedAt ? "REOPENED" : "RETURNED";
  return report.revisedAt ? `${base}_REVISING` : base;
}

const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** An instant, shown in UTC so every reader sees the same time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const wholeNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A measured value with its unit: counts as whole numbers, percentages with %. */
export function formatMeasure(value: string | null, unit: string): string {
  if (value === null) return "—";
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return unit === "PERCENT" ? `${wholeNumber.format(n)}%` : wholeNumber.format(n);
}

/** How a due date stands today (both ISO dates): "due in 12 days", "due today", "overdue since 30 Apr 2021". */
export function dueText(dueOn: string | null, today: string): string {
  if (dueOn === null) return "no due date set";
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return `overdue since ${formatDate(dueOn)}`;
  if (days === 0) return "due today";
  return `due in ${days} day${days === 1 ? "" : "s"} (${formatDate(dueOn)})`;
}
