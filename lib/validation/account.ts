import { z } from "zod";
import { newPasswordSchema } from "../auth/password";

export const changeOwnPasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(1024),
    password: newPasswordSchema,
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { message: "The two new passwords are not the same.", path: ["confirm"] });
