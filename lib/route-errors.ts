import "server-only";
import { getCurrentActor } from "./auth/session";
import { recordRefusal } from "./data/security-events";
import { isAppError } from "./errors";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, VALIDATION: 422 } as const;

/**
 * A route handler's refusal as JSON with its status; anything unexpected is logged, not shown.
 * Refusals of the session or the permission are audited (lib/data/security-events.ts).
 */
export async function errorResponse(error: unknown, request: Request): Promise<Response> {
  if (isAppError(error)) {
    if (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN") {
      const actor = error.code === "FORBIDDEN" ? await getCurrentActor().catch(() => null) : null;
      await recordRefusal(actor, { what: `${request.method} ${new URL(request.url).pathname}`, code: error.code, message: error.message });
    }
    return Response.json({ code: error.code, message: error.message, errors: error.fields }, { status: STATUS[error.code] });
  }
  console.error("[route]", error);
  return Response.json({ code: "ERROR", message: "Something went wrong on the server and nothing was saved. Try again." }, { status: 500 });
}
