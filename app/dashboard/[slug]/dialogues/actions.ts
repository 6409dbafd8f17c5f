"use server";

import { revalidatePath } from "next/cache";
import { addDecision, recordMinutes, saveDialogue } from "@/lib/data/dialogues";
import { runAction, type ActionResult } from "@/lib/run-action";
import { addDecisionSchema, recordMinutesSchema, saveDialogueSchema } from "@/lib/validation/dialogues";

export async function saveDialogueAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("dialogue.manage", saveDialogueSchema, formData, async (actor, input) => {
    const { created } = await saveDialogue(actor, input);
    revalidatePath(`/dashboard/${input.slug}/dialogues`, "layout");
    return created ? `The ${input.year} dialogue is created: its pack is listed below.` : `The ${input.year} dialogue is updated.`;
  });
}

export async function recordMinutesAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("dialogue.manage", recordMinutesSchema, formData, async (actor, input) => {
    await recordMinutes(actor, input);
    revalidatePath(`/dashboard/${input.slug}/dialogues`, "layout");
    return "Minutes saved, with the figures the pack showed.";
  });
}

export async function addDecisionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("dialogue.manage", addDecisionSchema, formData, async (actor, input) => {
    await addDecision(actor, input);
    revalidatePath(`/dashboard/${input.slug}/dialogues`, "layout");
    return "Decision recorded.";
  });
}
