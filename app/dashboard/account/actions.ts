"use server";

import { changeOwnPassword } from "@/lib/data/users";
import { runAction, type ActionResult } from "@/lib/run-action";
import { changeOwnPasswordSchema } from "@/lib/validation/account";

export async function changeOwnPasswordAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", changeOwnPasswordSchema, formData, async (actor, input) => {
    await changeOwnPassword(actor, input);
    return "Your password is changed, and every session you had has ended, this one too: sign in again with the new password.";
  });
}
