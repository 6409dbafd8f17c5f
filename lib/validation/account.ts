import { z } from "zod";
import { newPasswordSchema } from "../auth/password";

export const changeOwnPasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(1024),
    password: newPasswordSchema,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { message: "The two new passwords are not the same.", path: ["confirm"] });

export const startTwoStepSchema = z.object({});

export const confirmTwoStepSchema = z.object({
  code: z.string().trim().min(1, "Enter the code your app shows.").max(16, "A code from the app has 6 digits."),
});
