"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { reviewSubmission } from "@/lib/data/submissions";
import { reviewSubmissionSchema } from "@/lib/validation/submissions";

export async function reviewSubmissionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("submission.review", reviewSubmissionSchema, formData, async (actor, input) => {
    const { status } = await reviewSubmission(actor, input);
    revalidatePath("/dashboard", "layout");
    return status === "APPROVED" ? "Approved. The quarter is locked and counts in the figures." : "Returned with your reason; the encoder can fix it and submit again.";
  });
}
