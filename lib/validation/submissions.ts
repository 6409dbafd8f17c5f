import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const version = z.coerce.number({ error: "Reload the page: the form is missing its version." }).int().min(0);

export const reviewSubmissionSchema = z
  .object({
    submissionId: id,
    version,
    decision: z.enum(["APPROVE", "RETURN"], { error: "Choose approve or return." }),
    reason: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
  })
  .refine((value) => value.decision === "APPROVE" || value.reason.length > 0, {
    message: "Say why you are returning it, so the encoder knows what to fix.",
    path: ["reason"],
  });

export type ReviewSubmission = z.infer<typeof reviewSubmissionSchema>;

export const reopenSubmissionSchema = z.object({
  submissionId: id,
  version,
  reason: z.string().trim().min(1, "Say why the quarter is reopened: it is recorded and shown to the encoder.").max(2000, "Use at most 2,000 characters."),
});

export const commentSchema = z.object({
  submissionId: id,
  /** An indicator of the report, for a comment on it alone; empty for the report as a whole. */
  indicatorCode: z.string().trim().max(32).default(""),
  body: z.string().trim().min(1, "Write the comment first.").max(4000, "Use at most 4,000 characters."),
});
