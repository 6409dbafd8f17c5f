"use server";

import { revalidatePath } from "next/cache";
import { saveDialogue } from "@/lib/data/dialogues";
import { runAction, type ActionResult } from "@/lib/run-action";
import { saveDialogueSchema } from "@/lib/validation/dialogues";

export async function saveDialogueAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("dialogue.manage", saveDialogueSchema, formData, async (actor, input) => {
    const { created } = await saveDialogue(actor, input);
    revalidatePath(`/dashboard/${input.slug}/dialogues`, "layout");
    return created ? `The ${input.year} dialogue is created: its pack is listed below.` : `The ${input.year} dialogue is updated.`;
  });
}
