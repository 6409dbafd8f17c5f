"use server";

import { revalidatePath, revalidateTag } from "next/cache";
import { PUBLIC_SUMMARY_TAG } from "@/lib/data/releases";
import { announcePublicChange } from "@/lib/releases/epoch";
import { formToObject, runAction, type ActionResult } from "@/lib/run-action";
import { recordContribution, removeContribution } from "@/lib/data/contributions";
import { addComment, reopenSubmission, reviewSubmission, saveSubmission } from "@/lib/data/submissions";
import { recordContributionSchema, removeContributionSchema } from "@/lib/validation/contributions";
import { InvalidQuarterValues } from "@/lib/data/quarter";
import { AppError } from "@/lib/errors";
import { entryEnvelopeSchema, fieldErrors, valuesFromForm } from "@/lib/quarter/form";
import { narrativesFromForm } from "@/lib/quarter/narratives";
import { commentSchema, reopenSubmissionSchema, reviewSubmissionSchema } from "@/lib/validation/submissions";

export async function reviewSubmissionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("submission.review", reviewSubmissionSchema, formData, async (actor, input) => {
    const { status } = await reviewSubmission(actor, input);
    revalidatePath("/dashboard", "layout");
    // Public pages show approved quarters only: refresh them now, never serve the old state.
    revalidateTag(PUBLIC_SUMMARY_TAG, { expire: 0 });
    announcePublicChange();
    return status === "APPROVED" ? "Approved. The report is locked (only an administrator can reopen it) and counts in the figures." : "Returned with your reason; the encoder can fix it and submit again.";
  });
}

export async function saveSubmissionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("submission.edit", entryEnvelopeSchema, formData, async (actor, input) => {
    const fields = formToObject(formData);
    const { status } = await saveSubmission(actor, { ...input, values: valuesFromForm(fields), narratives: narrativesFromForm(fields) }).catch((error: unknown) => {
      // The data layer names problems by indicator and cell; the form shows them under its fields.
      throw error instanceof InvalidQuarterValues ? new AppError("VALIDATION", error.message, fieldErrors(error.problems)) : error;
    });
    revalidatePath("/dashboard", "layout");
    if (status === "SUBMITTED") return "Submitted for review. A reviewer will approve it or return it with a reason.";
    return status === "RETURNED" ? "Draft saved: the report stays returned — being revised, until you submit it again." : "Draft saved.";
  });
}

export async function reopenSubmissionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("submission.reopen", reopenSubmissionSchema, formData, async (actor, input) => {
    await reopenSubmission(actor, input);
    revalidatePath("/dashboard", "layout");
    revalidateTag(PUBLIC_SUMMARY_TAG, { expire: 0 });
    announcePublicChange();
    return "Reopened. The organization can correct its report and submit it again.";
  });
}

export async function addCommentAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("submission.comment", commentSchema, formData, async (actor, input) => {
    await addComment(actor, input);
    revalidatePath("/dashboard", "layout");
    return "Comment added.";
  });
}

export async function recordContributionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("contribution.record", recordContributionSchema, formData, async (actor, input) => {
    await recordContribution(actor, input);
    revalidatePath("/dashboard", "layout");
    return "Contribution recorded with the quarter. It counts in the figures once the quarter is approved.";
  });
}

export async function removeContributionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("contribution.record", removeContributionSchema, formData, async (actor, input) => {
    await removeContribution(actor, input);
    revalidatePath("/dashboard", "layout");
    return "Contribution removed.";
  });
}
