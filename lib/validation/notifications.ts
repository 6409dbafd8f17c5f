import { z } from "zod";
import { CHOOSABLE_KINDS, MAIL_MODES, type MailMode, type NotificationKind } from "../notifications/kinds";

export const openNotificationSchema = z.object({
  id: z.string().trim().min(1, "Choose a notification.").max(64, "That is not a notification of yours."),
});

export const markAllReadSchema = z.object({});

/** One select per kind, named "mode:RETURNED" and so on; a kind left out keeps its setting. */
export const mailPreferencesSchema = z
  .object(
    Object.fromEntries(
      CHOOSABLE_KINDS.map((kind) => [`mode:${kind}`, z.enum(MAIL_MODES, { error: "Choose at once, the daily digest, or no e-mail." }).optional()]),
    ),
  )
  .refine((fields) => CHOOSABLE_KINDS.some((kind) => fields[`mode:${kind}`] !== undefined), { message: "Choose how each kind reaches you.", path: ["form"] })
  .transform((fields) => {
    const choices: Partial<Record<NotificationKind, MailMode>> = {};
    for (const kind of CHOOSABLE_KINDS) {
      const mode = fields[`mode:${kind}`] as MailMode | undefined;
      if (mode) choices[kind] = mode;
    }
    return choices;
  });
