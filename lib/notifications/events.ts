// What each event says, in the app and by mail: the one place its words and its key are made, so
// an event and the reminder that catches it up (a submission nobody was told about) write the same
// notification, and so only once. No figure appears: reasons and comments lose their numbers.
import type { NotificationKind } from "./kinds";
import { withoutFigures } from "./kinds";

export interface EventText {
  kind: NotificationKind;
  key: string;
  title: string;
  body: string;
  link: string;
}

export interface ReportRef {
  submissionId: string;
  slug: string;
  partnership: string;
  organization: string;
  /** "2021Q1" */
  quarter: string;
}

const reportLink = (r: Pick<ReportRef, "slug" | "quarter">) => `/dashboard/${r.slug}/reports/${r.quarter}`;
const reportName = (r: ReportRef) => `${r.organization}'s report for ${r.quarter}`;
const NO_FIGURES = "E-mail leaves out numbers: open the report to read it as written.";

export function submittedEvent(r: ReportRef, submittedAt: Date, by: string | null): EventText {
  return {
    kind: "SUBMITTED",
    key: `submitted:${r.submissionId}:${submittedAt.getTime()}`,
    title: `${reportName(r)} is waiting for your review`,
    body: `${reportName(r)} (${r.partnership}) was submitted${by ? ` by ${by}` : ""} on ${submittedAt.toISOString().slice(0, 10)}. Review it: approve it, or return it with a reason.`,
    link: reportLink(r),
  };
}

export function returnedEvent(
  r: ReportRef,
  returnedAt: Date,
  input: { by: string; reason: string; comments: { indicator: string; body: string }[] },
): EventText {
  const comments = input.comments.map((c) => `${c.indicator}: ${withoutFigures(c.body)}`);
  return {
    kind: "RETURNED",
    key: `returned:${r.submissionId}:${returnedAt.getTime()}`,
    title: `${reportName(r)} was returned to you`,
    body: [
      `${input.by} returned ${reportName(r)} (${r.partnership}). Revise it and submit it again.`,
      `Reason: ${withoutFigures(input.reason)}`,
      ...(comments.length > 0 ? [`Comments on indicators:\n${comments.join("\n")}`] : []),
      NO_FIGURES,
    ].join("\n\n"),
    link: reportLink(r),
  };
}

export function approvedEvent(r: ReportRef, approvedAt: Date, by: string): EventText {
  return {
    kind: "APPROVED",
    key: `approved:${r.submissionId}:${approvedAt.getTime()}`,
    title: `${reportName(r)} was approved`,
    body: `${by} approved ${reportName(r)} (${r.partnership}). Its figures now count in the partnership's totals and the next public release.`,
    link: reportLink(r),
  };
}

export function reopenedEvent(r: ReportRef, reopenedAt: Date, input: { by: string; reason: string }): EventText {
  return {
    kind: "REOPENED",
    key: `reopened:${r.submissionId}:${reopenedAt.getTime()}`,
    title: `${reportName(r)} was reopened`,
    body: [
      `${input.by} reopened ${reportName(r)} (${r.partnership}): it is back with its organization to revise, and its figures no longer count until it is approved again.`,
      `Reason: ${withoutFigures(input.reason)}`,
      NO_FIGURES,
    ].join("\n\n"),
    link: reportLink(r),
  };
}

export interface DueRef {
  organizationId: string;
  periodId: string;
  slug: string;
  partnership: string;
  organization: string;
  quarter: string;
  /** YYYY-MM-DD */
  dueOn: string;
}

export function dueEvent(d: DueRef): EventText {
  return {
    kind: "DUE",
    key: `due:${d.organizationId}:${d.periodId}`,
    title: `${d.organization}'s report for ${d.quarter} is due on ${d.dueOn}`,
    body: `${d.organization}'s report for ${d.quarter} (${d.partnership}) is due on ${d.dueOn}. Enter its values and submit it for review.`,
    link: reportLink(d),
  };
}

export function overdueEvent(d: DueRef): EventText {
  return {
    kind: "OVERDUE",
    key: `overdue:${d.organizationId}:${d.periodId}`,
    title: `${d.organization}'s report for ${d.quarter} is overdue`,
    body: `${d.organization}'s report for ${d.quarter} (${d.partnership}) was due on ${d.dueOn} and is not yet submitted. Enter its values and submit it for review.`,
    link: reportLink(d),
  };
}

export function packReadyEvent(d: { dialogueId: string; slug: string; partnership: string; year: number; heldOn: string | null }): EventText {
  return {
    kind: "PACK_READY",
    key: `pack:${d.dialogueId}`,
    title: `The pack for the ${d.year} dialogue is ready`,
    body: `The ${d.year} high-level dialogue of ${d.partnership}${d.heldOn ? ` (${d.heldOn})` : ""} has its key indicators marked: its pack of targets, results, funding and open issues is ready to read and print.`,
    link: `/dashboard/${d.slug}/dialogues/${d.dialogueId}`,
  };
}

export function accountEvent(userId: string, at: Date, what: "created" | "password-reset", by: string): EventText {
  return what === "created"
    ? {
        kind: "ACCOUNT",
        key: `account:${userId}:created`,
        title: "Your Compact Tracker account was created",
        body: `${by} created your account. The administrator gives you your first password by another channel; sign in, then change it under Your account.`,
        link: "/dashboard/account",
      }
    : {
        kind: "ACCOUNT",
        key: `account:${userId}:reset:${at.getTime()}`,
        title: "Your Compact Tracker password was reset",
        body: `${by} reset your password on ${at.toISOString().slice(0, 10)}, and your other sessions were signed out. If you did not ask for this, tell an administrator at once.`,
        link: "/dashboard/account",
      };
}
