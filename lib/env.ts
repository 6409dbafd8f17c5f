// The server's configuration, checked once with zod so a bad value fails with a sentence
// instead of a stack trace deep in a request.
import { z } from "zod";

export const databaseUrlSchema = z
  .string({ error: "DATABASE_URL is not set" })
  .trim()
  .min(1, "DATABASE_URL is empty")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "DATABASE_URL must be a URL of the form postgresql://user:password@host:5432/database");

const serverEnvSchema = z.object({
  DATABASE_URL: databaseUrlSchema,
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = serverEnvSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}
