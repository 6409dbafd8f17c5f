import { z } from "zod";
import { newPasswordSchema } from "../auth/password";
import { ROLES } from "../auth/permissions";

const id = z.string().trim().min(1, "Choose one.").max(64);

export const userIdSchema = z.object({ userId: id });

export const roleSchema = z.enum(ROLES, { error: "Choose a role." });

const access = {
  role: roleSchema,
  organizationId: id,
  partnershipIds: z.array(id).max(50).default([]),
};

const needsPartnership = (value: { role: string; partnershipIds: string[] }) => value.role === "ADMIN" || value.partnershipIds.length > 0;
const partnershipRule = { message: "Choose at least one partnership for this role.", path: ["partnershipIds"] };

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter an email address, like name@agency.gov.").max(254),
    name: z.string().trim().min(1, "Enter the person's name.").max(120, "Use at most 120 characters."),
    password: newPasswordSchema,
    ...access,
  })
  .refine(needsPartnership, partnershipRule);

export const changeUserAccessSchema = z.object({ userId: id, ...access }).refine(needsPartnership, partnershipRule);

export const setUserDisabledSchema = z.object({ userId: id, disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export const resetPasswordSchema = z.object({ userId: id, password: newPasswordSchema });
