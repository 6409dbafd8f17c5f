import "server-only";
import { requirePermission } from "../auth/guard";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { ReviewSubmission } from "../validation/submissions";
import { recordAudit } from "./audit";
import { getDb } from "./db";

const statusWords = { DRAFT: "a draft", SUBMITTED: "submitted", RETURNED: "returned", APPROVED: "approved" } as const;

/** Approves a submitted quarter, or returns it with a reason that opens its comment thread. */
export async function reviewSubmission(actor: Actor | null, input: ReviewSubmission): Promise<{ status: "APPROVED" | "RETURNED" }> {
  return getDb().$transaction(async (tx) => {
    const submission = await tx.submission.findUnique({
      where: { id: input.submissionId },
      select: { id: true, partnershipId: true, organizationId: true, status: true, version: true, submittedById: true },
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
          : { status, version: { increment: 1 }, returnReason: input.reason },
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
    return { status };
  });
}
