"use server";

import { revalidatePath } from "next/cache";
import { markAllRead, openNotification, saveMailPreferences } from "@/lib/data/notifications";
import { runAction, type ActionResult } from "@/lib/run-action";
import { mailPreferencesSchema, markAllReadSchema, openNotificationSchema } from "@/lib/validation/notifications";

/** Marks one of the user's notifications read; the form then follows its link. */
export async function openNotificationAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", openNotificationSchema, formData, async (actor, input) => {
    await openNotification(actor, input.id);
    revalidatePath("/dashboard", "layout");
    return "Opening it…";
  });
}

export async function markAllReadAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", markAllReadSchema, formData, async (actor) => {
    const count = await markAllRead(actor);
    revalidatePath("/dashboard", "layout");
    return count === 0 ? "Nothing was unread." : `Marked ${count} ${count === 1 ? "notification" : "notifications"} as read.`;
  });
}

export async function saveMailPreferencesAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("account.manage", mailPreferencesSchema, formData, async (actor, input) => {
    await saveMailPreferences(actor, input);
    revalidatePath("/dashboard/notifications");
    return "Your e-mail choices are saved. They apply to notifications from now on.";
  });
}
