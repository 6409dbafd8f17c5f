import { z } from "zod";
import { CURRENCIES } from "../money";

export const contributionKinds = { DISBURSED: "Cash", IN_KIND: "In kind" } as const;

export const recordContributionSchema = z.object({
  slug: z.string().min(1).max(80),
  period: z.string().regex(/^\d{4}Q[1-4]$/, "Reload the page: the quarter is missing."),
  organizationId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(0),
  kind: z.enum(["DISBURSED", "IN_KIND"], { error: "Choose cash or in kind." }),
  currency: z.enum(CURRENCIES, { error: "Choose PHP or USD." }),
  amount: z
    .string()
    .trim()
    // abort: a malformed amount gets this message alone, not also "above 0".
    .regex(/^\d{1,15}(\.\d{1,2})?$/, { error: "Enter the amount as a number with at most two decimals, without commas.", abort: true })
    .refine((v) => Number(v) > 0, "Enter an amount above 0."),
  exchangeRate: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,6})?$/, { error: "Enter the rate in PHP per USD, for example 50.25.", abort: true })
    .refine((v) => Number(v) > 0, "The rate must be above 0."),
  rateDate: z.iso
    .date({ error: "Enter the date of the rate as YYYY-MM-DD.", abort: true })
    .refine((d) => d <= new Date().toISOString().slice(0, 10), "The rate's date cannot be in the future."),
  rateSource: z.string().trim().min(1, "Say where the rate comes from, for example the BSP reference rate.").max(300, "Use at most 300 characters."),
  note: z.string().trim().max(1000, "Use at most 1,000 characters.").default(""),
});

export type RecordContribution = z.infer<typeof recordContributionSchema>;

export const removeContributionSchema = z.object({
  contributionId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(0),
});
