import { z } from "zod";

const line = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters.`);

export const saveDialogueSchema = z.object({
  slug: z.string().min(1).max(80),
  year: z.coerce.number({ error: "Choose the year the dialogue reviews." }).int("Choose the year the dialogue reviews."),
  heldOn: z.iso.date({ error: "Enter the date as YYYY-MM-DD." }),
  place: line("place", 200),
  participants: line("participants", 2000),
  indicators: z
    .array(z.string().trim().min(1).max(32))
    .max(50)
    .default([])
    .refine((codes) => codes.length > 0, "Mark at least one key indicator to discuss."),
});

export type SaveDialogue = z.infer<typeof saveDialogueSchema>;

export const recordMinutesSchema = z.object({
  slug: z.string().min(1).max(80),
  dialogueId: z.string().trim().min(1).max(64),
  minutes: line("minutes", 20000),
});

export const addDecisionSchema = z.object({
  slug: z.string().min(1).max(80),
  dialogueId: z.string().trim().min(1).max(64),
  text: line("decision", 2000),
  indicators: z.array(z.string().trim().min(1).max(32)).max(50).default([]),
});

export type RecordMinutes = z.infer<typeof recordMinutesSchema>;
export type AddDecision = z.infer<typeof addDecisionSchema>;
