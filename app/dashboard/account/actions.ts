"use server";

import { revalidatePath } from "next/cache";
import { confirmTwoStep, startTwoStep } from "@/lib/data/two-step";
import { changeOwnPassword } from "@/lib/data/users";
import { runAction, type ActionResult } from "@/lib/run-action";
import { changeOwnPasswordSchema, confirmTwoStepSchema, startTwoStepSchema } from "@/lib/validation/account";

export async function changeOwnPasswordAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", changeOwnPasswordSchema, formData, async (actor, input) => {
    await changeOwnPassword(actor, input);
    return "Your password is changed, and every session you had has ended, this one too: sign in again with the new password.";
  });
}

export async function startTwoStepAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", startTwoStepSchema, formData, async (actor) => {
    await startTwoStep(actor);
    revalidatePath("/dashboard/account");
    return "Scan the QR code with your authenticator app, then enter the code it shows.";
  });
}

export async function confirmTwoStepAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", confirmTwoStepSchema, formData, async (actor, input) => {
    // No revalidation here: the page keeps this form, and with it the codes, until "Done".
    const codes = await confirmTwoStep(actor, input);
    return `Two-step sign-in is on. Keep these recovery codes somewhere safe, away from your phone: each signs you in once if you lose it. They are shown only now: ${codes.join(", ")}.`;
  });
}
