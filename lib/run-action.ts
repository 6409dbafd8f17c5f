import "server-only";
import type { z } from "zod";
import { getCurrentActor } from "./auth/session";
import { scopeOf, type Action, type Actor } from "./auth/permissions";
import { TWO_STEP_MISSING } from "./auth/totp";
import type { ActionResult } from "./action-result";
import { recordRefusal } from "./data/security-events";
import { AppError } from "./errors";
import { hasNul } from "./validation/text";

export type { ActionResult };

// The runner every server action goes through. Every server action has the same shape (STYLE.md item 4): session → permission → zod →
// lib/data (which checks the permission on the exact record again, in its transaction).

export function formToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    if (key.endsWith("[]")) object[key.slice(0, -2)] = values;
    else object[key] = values[0];
  }
  return object;
}

export async function runAction<Schema extends z.ZodType>(
  action: Action,
  schema: Schema,
  formData: FormData,
  work: (actor: Actor, input: z.infer<Schema>) => Promise<string>,
): Promise<ActionResult> {
  let actor: Actor | null = null;
  // A refusal is a security event: audited (rate-limited), then answered.
  const refuse = async (code: "UNAUTHENTICATED" | "FORBIDDEN", message: string, errors?: Record<string, string[]>): Promise<ActionResult> => {
    await recordRefusal(actor, { what: `action ${action}`, code, message });
    return { ok: false, code, message, errors };
  };
  try {
    actor = await getCurrentActor();
    if (!actor) return refuse("UNAUTHENTICATED", "Your session has ended. Sign in again, then repeat what you were doing.");
    if (actor.needsTwoStep && action !== "account.manage") return refuse("FORBIDDEN", TWO_STEP_MISSING);
    if (scopeOf(actor.role, action) === null) return refuse("FORBIDDEN", "Your role does not allow this. Ask an administrator if you need access.");
    const fields = formToObject(formData);
    const withNul = Object.entries(fields).filter(([, v]) => [v].flat().some((s) => typeof s === "string" && hasNul(s)));
    if (withNul.length > 0) {
      return {
        ok: false,
        code: "VALIDATION",
        message: "Some fields need attention: see the messages under them.",
        errors: Object.fromEntries(withNul.map(([field]) => [field, ["Remove the invisible control character (NUL) from this field, then try again."]])),
      };
    }
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        (errors[field] ??= []).push(issue.message);
      }
      return { ok: false, code: "VALIDATION", message: "Some fields need attention: see the messages under them.", errors };
    }
    return { ok: true, message: await work(actor, parsed.data) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) return refuse(error.code, error.message, error.fields);
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, errors: error.fields };
    console.error(`[action ${action}]`, error);
    return {
      ok: false,
      code: "ERROR",
      message: "Something went wrong on the server and nothing was saved. Try again; if it happens again, tell an administrator.",
    };
  }
}
