import type { AppErrorCode } from "./errors";

/** What every server action returns to its form (useActionState). */
export interface ActionResult {
  ok: boolean;
  message?: string;
  code?: AppErrorCode | "ERROR";
  /** Field name → what to fix, shown under the field. */
  errors?: Record<string, string[]>;
}

export const initialActionResult: ActionResult = { ok: false };
