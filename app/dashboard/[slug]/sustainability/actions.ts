"use server";

import { revalidatePath } from "next/cache";
import { saveSustainabilityPlan } from "@/lib/data/sustainability";
import { runAction, type ActionResult } from "@/lib/run-action";
import { saveSustainabilitySchema } from "@/lib/validation/sustainability";

export async function saveSustainabilityAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("sustainability.edit", saveSustainabilitySchema, formData, async (actor, input) => {
    await saveSustainabilityPlan(actor, input);
    revalidatePath(`/dashboard/${input.slug}`, "layout");
    return `The plan for ${input.objectiveCode} is saved; the dialogue pack shows it.`;
  });
}
