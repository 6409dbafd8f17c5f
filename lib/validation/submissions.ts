import { z } from "zod";

export const reviewSubmissionSchema = z
  .object({
    submissionId: z.string().trim().min(1).max(64),
    version: z.coerce.number({ error: "Reload the page: the form is missing its version." }).int().min(1),
    decision: z.enum(["APPROVE", "RETURN"], { error: "Choose approve or return." }),
    reason: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
  })
  .refine((value) => value.decision === "APPROVE" || value.reason.length > 0, {
    message: "Say why you are returning it, so the encoder knows what to fix.",
    path: ["reason"],
  });

export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;
