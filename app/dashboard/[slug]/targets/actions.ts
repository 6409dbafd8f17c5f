"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/run-action";
import { clearTarget, setTarget } from "@/lib/data/targets";
import { clearTargetSchema, setTargetSchema } from "@/lib/validation/targets";

export async function setTargetAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("target.manage", setTargetSchema, formData, async (actor, input) => {
    const { message } = await setTarget(actor, input);
    revalidatePath("/dashboard", "layout");
    return message;
  });
}

export async function clearTargetAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction("target.manage", clearTargetSchema, formData, async (actor, input) => {
    const { message } = await clearTarget(actor, input);
    revalidatePath("/dashboard", "layout");
    return message;
  });
}
