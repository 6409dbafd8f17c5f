"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/run-action";
import { changeUserAccess, createUser, resetUserPassword, setUserDisabled } from "@/lib/data/users";
import { changeUserAccessSchema, createUserSchema, resetPasswordSchema, setUserDisabledSchema } from "@/lib/validation/users";

const USERS_PAGE = "/dashboard/admin/users";

export async function createUserAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("user.manage", createUserSchema, formData, async (actor, input) => {
    await createUser(actor, input);
    revalidatePath(USERS_PAGE);
    return `Created ${input.email}. Give them their password through a separate channel.`;
  });
}

export async function changeUserAccessAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("user.manage", changeUserAccessSchema, formData, async (actor, input) => {
    await changeUserAccess(actor, input);
    revalidatePath(USERS_PAGE);
    return "Saved. The user's open sessions have ended; their new access applies when they sign in again.";
  });
}

export async function setUserDisabledAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("user.manage", setUserDisabledSchema, formData, async (actor, input) => {
    await setUserDisabled(actor, input);
    revalidatePath(USERS_PAGE);
    return input.disabled ? "Disabled. The user is signed out and cannot sign in." : "Enabled. The user can sign in again.";
  });
}

export async function resetUserPasswordAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("user.manage", resetPasswordSchema, formData, async (actor, input) => {
    await resetUserPassword(actor, input);
    revalidatePath(USERS_PAGE);
    return "Password reset. The user's open sessions have ended.";
  });
}
