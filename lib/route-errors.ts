import "server-only";
import { isAppError } from "./errors";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, VALIDATION: 422 } as const;

/** A route handler's refusal as JSON with its status; anything unexpected is logged, not shown. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ code: error.code, message: error.message, errors: error.fields }, { status: STATUS[error.code] });
  }
  console.error("[route]", error);
  return Response.json({ code: "ERROR", message: "Something went wrong on the server and nothing was saved. Try again." }, { status: 500 });
}
