import "server-only";
import { requirePermission } from "../auth/guard";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { checkQuarterValues, sameEntry, type QuarterValuesInput } from "../quarter/values";
import { approvedEvent, reopenedEvent, returnedEvent, submittedEvent } from "../notifications/events";
import { checkNarratives, type Narrative } from "../quarter/narratives";
import type { ReviewSubmission } from "../validation/submissions";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { queueMails } from "./job-queue";
import { notify, reportersOf, reportRef, reviewersOf } from "./notifications";
import { publishRelease } from "./publish-release";
import {
  auditedValues,
  claimReport,
  editableReport,
  indicatorsFor,
  InvalidQuarterValues,
  resolveQuarter,
  roundValues,
  storedNarratives,
  storedValues,
} from "./quarter";

const reportSelect = {
  id: true,
  partnershipId: true,
  organizationId: true,
  organization: { select: { shortName: true } },
  period: { select: { year: true, quarter: true } },
} as const;

/** "IJM's report for 2019Q3": how releases name the report that changed them. */
const reportName = (s: { organization: { shortName: string }; period: { year: number; quarter: number } }) =>
  `${s.organization.shortName}'s report for ${s.period.year}Q${s.period.quarter}`;

const statusWords = { DRAFT: "a draft", SUBMITTED: "submitted", RETURNED: "returned", APPROVED: "approved" } as const;

/** Approves a submitted quarter, or returns it with a reason that opens its comment thread. */
export async function reviewSubmission(actor: Actor | null, input: ReviewSubmission): Promise<{ status: "APPROVED" | "RETURNED" }> {
  const { status, mails } = await getDb().$transaction(async (tx) => {
    const submission = await tx.submission.findUnique({
      where: { id: input.submissionId },
      select: { ...reportSelect, status: true, version: true, submittedById: true, submittedAt: true },
    });
    if (!submission) throw new AppError("NOT_FOUND", "That submission does not exist. Reload the reporting page.");
    const reviewer = requirePermission(actor, "submission.review", {
      partnershipId: submission.partnershipId,
      organizationId: submission.organizationId,
    });
    if (submission.status !== "SUBMITTED") {
      throw new AppError("CONFLICT", `This quarter is ${statusWords[submission.status]}: only a submitted quarter can be approved or returned.`);
    }
    if (submission.submittedById === reviewer.id) {
      throw new AppError("FORBIDDEN", "You submitted this quarter yourself: another reviewer must review it.");
    }
    const status = input.decision === "APPROVE" ? ("APPROVED" as const) : ("RETURNED" as const);
    const now = new Date();
    const updated = await tx.submission.updateMany({
      where: { id: submission.id, version: input.version, status: "SUBMITTED" },
      data:
        status === "APPROVED"
          ? { status, version: { increment: 1 }, approvedById: reviewer.id, approvedAt: now, returnReason: null }
          : { status, version: { increment: 1 }, returnReason: input.reason, returnedAt: now, revisedAt: null },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", "Someone else changed this submission after you opened it. Reload the page to see their changes, then review again.");
    }
    if (status === "RETURNED") {
      await tx.comment.create({ data: { submissionId: submission.id, authorId: reviewer.id, body: input.reason } });
    }
    await recordAudit(tx, reviewer, {
      action: status === "APPROVED" ? "submission.approve" : "submission.return",
      entityType: "Submission",
      entityId: submission.id,
      partnershipId: submission.partnershipId,
      before: { status: submission.status, version: submission.version },
      after: { status, version: submission.version + 1, ...(status === "RETURNED" ? { reason: input.reason } : {}) },
    });
    if (status === "APPROVED") {
      await publishRelease(tx, submission.partnershipId, { trigger: "approval", event: `${reportName(submission)} approved`, actorId: reviewer.id });
    }
    // The people who entered the report hear of it: at once for a return, in the digest for an approval (their choice).
    const ref = await reportRef(tx, submission.id);
    const comments =
      status === "RETURNED"
        ? await tx.comment.findMany({
            where: { submissionId: submission.id, indicatorId: { not: null }, createdAt: { gte: submission.submittedAt ?? new Date(0) } },
            orderBy: { createdAt: "asc" },
            select: { body: true, indicator: { select: { code: true } } },
          })
        : [];
    const event =
      status === "APPROVED"
        ? approvedEvent(ref, now, reviewer.name)
        : returnedEvent(ref, now, { by: reviewer.name, reason: input.reason, comments: comments.map((c) => ({ indicator: c.indicator!.code, body: c.body })) });
    const mails = await notify(tx, { ...event, userIds: await reportersOf(tx, submission.id) });
    return { status, mails };
  });
  await queueMails(mails);
  return { status };
}

// ---- Entering a quarter -------------------------------------------------------------------

/**
 * Saves a quarter's values as a draft, or submits them. Refuses a stale version (someone saved
 * first: nothing changes, and the message lists what they changed), an approved or submitted
 * quarter, and anyone but the reporting organization's own encoders or partner staff.
 */
export async function saveSubmission(
  actor: Actor | null,
  input: {
    slug: string;
    period: string;
    organizationId: string;
    version: number;
    intent: "save" | "submit";
    values: QuarterValuesInput;
    /** By objective code; left out (a CSV import) keeps the stored narratives. */
    narratives?: Record<string, Partial<Narrative>>;
  },
): Promise<{ status: "DRAFT" | "RETURNED" | "SUBMITTED"; version: number }> {
  const { mails, ...saved } = await getDb().$transaction(
    async (tx) => {
      const { partnershipId, period } = await resolveQuarter(tx, input.slug, input.period);
      const scope = { partnershipId, organizationId: input.organizationId };
      const editor = requirePermission(actor, "submission.edit", scope);
      if (input.intent === "submit") requirePermission(editor, "submission.submit", scope);

      const indicators = await indicatorsFor(tx, partnershipId, input.organizationId);
      const { values, problems } = checkQuarterValues(indicators, input.values, { complete: input.intent === "submit" });
      if (problems.length > 0) throw new InvalidQuarterValues(problems);
      const objectives = await tx.objective.findMany({
        where: { partnershipId, indicators: { some: { responsibleOrganizationId: input.organizationId } } },
        select: { id: true, code: true },
      });
      const narratives = input.narratives === undefined ? null : checkNarratives(input.narratives);
      if (narratives && Object.keys(narratives.errors).length > 0) {
        throw new AppError("VALIDATION", "Some narratives are too long: see the messages under them. Nothing was saved.", narratives.errors);
      }
      const foreign = Object.keys(narratives?.narratives ?? {}).filter((code) => !objectives.some((o) => o.code === code));
      if (foreign.length > 0) throw new AppError("VALIDATION", `Write narratives only for your own objectives (not ${foreign.join(", ")}). Nothing was saved.`);

      const existing = await editableReport(tx, period.id, input.organizationId);
      const currentVersion = existing?.version ?? 0;
      const before = await storedValues(tx, existing?.id ?? null);
      const storedCell = (code: string, cell: string) => before[code]?.cells[cell] ?? null;
      if (currentVersion !== input.version) {
        const changed = indicators.flatMap((i) =>
          Object.entries(values[i.code]?.cells ?? {})
            .filter(([cell, mine]) => !sameEntry(i.unit, storedCell(i.code, cell), mine))
            .map(([cell, mine]) => `${i.code} ${cell === "" ? "total" : cell}: now ${storedCell(i.code, cell) ?? "empty"} (yours: ${mine ?? "empty"})`),
        );
        throw new AppError(
          "CONFLICT",
          `Someone else saved this quarter after you opened it, so nothing was saved. ${changed.length > 0 ? `What they changed, against what you typed: ${changed.join("; ")}.` : "Their values are the same as yours."} Reload the page, then re-apply your edits.`,
        );
      }

      const status = input.intent === "submit" ? ("SUBMITTED" as const) : existing?.status === "RETURNED" ? ("RETURNED" as const) : ("DRAFT" as const);
      const now = new Date();
      const submission = await claimReport(
        tx,
        { partnershipId, periodId: period.id, organizationId: input.organizationId, version: input.version, existingId: existing?.id ?? null },
        {
          status,
          illustrative: false,
          // Submitting ends a return or reopening; saving a returned report's draft marks it as being revised.
          ...(status === "SUBMITTED"
            ? { submittedById: editor.id, submittedAt: now, returnReason: null, returnedAt: null, reopenedAt: null, revisedAt: null }
            : status === "RETURNED"
              ? { revisedAt: now }
              : {}),
        },
      );

      await tx.measurement.deleteMany({ where: { submissionId: submission.id, indicatorId: { in: indicators.map((i) => i.id) } } });
      const rows = indicators.flatMap((i) => {
        const v = values[i.code]!;
        return Object.entries(v.cells)
          .filter(([cell, value]) => value !== null || (cell === "" && (v.note || v.evidence)))
          .map(([cell, value]) => ({
            submissionId: submission.id,
            indicatorId: i.id,
            cell,
            value: i.unit === "TEXT" ? null : value,
            textValue: i.unit === "TEXT" ? value : null,
            note: cell === "" ? v.note : null,
            evidenceUrl: cell === "" ? v.evidence : null,
          }));
      });
      if (rows.length > 0) await tx.measurement.createMany({ data: rows });
      const narrativesBefore = await storedNarratives(tx, submission.id);
      if (narratives) {
        await tx.submissionNarrative.deleteMany({ where: { submissionId: submission.id } });
        const written = objectives
          .map((o) => ({ objective: o, text: narratives.narratives[o.code] }))
          .filter(({ text }) => text && (text.progress || text.challenges || text.nextSteps));
        await tx.submissionNarrative.createMany({
          data: written.map(({ objective, text }) => ({ submissionId: submission.id, objectiveId: objective.id, ...text! })),
        });
      }
      const narrativesAfter = narratives ? await storedNarratives(tx, submission.id) : narrativesBefore;
      let mails: string[] = [];
      if (status === "SUBMITTED") {
        mails = await notify(tx, { ...submittedEvent(await reportRef(tx, submission.id), now, editor.name), userIds: await reviewersOf(tx, partnershipId) });
        // What the reviewer is asked to approve, kept per round: a resubmission is compared with it.
        const round = (await tx.submissionRound.count({ where: { submissionId: submission.id } })) + 1;
        await tx.submissionRound.create({
          data: { submissionId: submission.id, round, submittedAt: now, submittedById: editor.id, values: roundValues(values) },
        });
      }

      await recordAudit(tx, editor, {
        action: status === "SUBMITTED" ? "submission.submit" : "submission.save",
        entityType: "Submission",
        entityId: submission.id,
        partnershipId,
        before: { status: existing?.status ?? null, version: currentVersion, ...auditedValues(before), narratives: narrativesBefore },
        after: { status, version: currentVersion + 1, ...auditedValues(values), narratives: narrativesAfter },
      });
      return { status, version: currentVersion + 1, mails };
    },
    { timeout: 30_000 },
  );
  await queueMails(mails);
  return saved;
}

/** An administrator unlocks an approved quarter with a reason; it goes back to its organization as returned. */
export async function reopenSubmission(actor: Actor | null, input: { submissionId: string; version: number; reason: string }): Promise<void> {
  const mails = await getDb().$transaction(async (tx) => {
    const submission = await tx.submission.findUnique({ where: { id: input.submissionId }, select: { ...reportSelect, status: true, version: true } });
    if (!submission) throw new AppError("NOT_FOUND", "That submission does not exist. Reload the page.");
    const admin = requirePermission(actor, "submission.reopen", { partnershipId: submission.partnershipId, organizationId: submission.organizationId });
    if (submission.status !== "APPROVED") throw new AppError("CONFLICT", "Only an approved quarter can be reopened.");
    const now = new Date();
    const updated = await tx.submission.updateMany({
      where: { id: submission.id, version: input.version, status: "APPROVED" },
      data: {
        status: "RETURNED",
        version: { increment: 1 },
        returnReason: input.reason,
        approvedById: null,
        approvedAt: null,
        reopenedAt: now,
        revisedAt: null,
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone else changed this submission after you opened it. Reload the page and try again.");
    await tx.comment.create({ data: { submissionId: submission.id, authorId: admin.id, body: `Reopened: ${input.reason}` } });
    await recordAudit(tx, admin, {
      action: "submission.reopen",
      entityType: "Submission",
      entityId: submission.id,
      partnershipId: submission.partnershipId,
      before: { status: "APPROVED", version: submission.version },
      after: { status: "RETURNED", version: submission.version + 1, reason: input.reason },
    });
    await publishRelease(tx, submission.partnershipId, {
      trigger: "reopening",
      event: `${reportName(submission)} reopened`,
      reason: input.reason,
      actorId: admin.id,
    });
    const event = reopenedEvent(await reportRef(tx, submission.id), now, { by: admin.name, reason: input.reason });
    return notify(tx, { ...event, userIds: [...(await reportersOf(tx, submission.id)), ...(await reviewersOf(tx, submission.partnershipId))] });
  });
  await queueMails(mails);
}

/** Adds to a submission's review thread: on the report as a whole, or on one of its indicators. */
export async function addComment(actor: Actor | null, input: { submissionId: string; indicatorCode?: string; body: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const submission = await tx.submission.findUnique({ where: { id: input.submissionId }, select: { id: true, partnershipId: true, organizationId: true } });
    if (!submission) throw new AppError("NOT_FOUND", "That submission does not exist. Reload the page.");
    const author = requirePermission(actor, "submission.comment", { partnershipId: submission.partnershipId, organizationId: submission.organizationId });
    let indicator: { id: string; code: string } | null = null;
    if (input.indicatorCode) {
      indicator = await tx.indicator.findFirst({
        where: { code: input.indicatorCode, responsibleOrganizationId: submission.organizationId, objective: { partnershipId: submission.partnershipId } },
        select: { id: true, code: true },
      });
      if (!indicator) {
        throw new AppError("VALIDATION", "Choose an indicator of this report, or the report as a whole.", {
          indicatorCode: ["Not an indicator of this report."],
        });
      }
    }
    const comment = await tx.comment.create({
      data: { submissionId: submission.id, indicatorId: indicator?.id ?? null, authorId: author.id, body: input.body },
    });
    await recordAudit(tx, author, {
      action: "comment.create",
      entityType: "Comment",
      entityId: comment.id,
      partnershipId: submission.partnershipId,
      after: { submissionId: submission.id, ...(indicator ? { indicator: indicator.code } : {}), body: input.body },
    });
  });
}
