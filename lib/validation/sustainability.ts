import { z } from "zod";

const text = (what: string) => z.string().trim().min(1, `Say ${what}.`).max(2000, "Use at most 2,000 characters.");

export const saveSustainabilitySchema = z.object({
  slug: z.string().min(1).max(80),
  objectiveCode: z.string().trim().min(1).max(32),
  continues: text("what continues after the partnership ends"),
  carriedBy: text("who carries it"),
  indicatorsKept: z.array(z.string().trim().min(1).max(32)).max(50).default([]),
});

export type SaveSustainability = z.infer<typeof saveSustainabilitySchema>;
