import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getCurrentActor } from "./auth/session";
import { recordRefusal } from "./data/security-events";
import { isAppError } from "./errors";

/** Runs a page's read; turns refusals into the 403 or 404 page (audited), or the login page. */
export async function readForPage<T>(read: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") {
        await recordRefusal(await getCurrentActor().catch(() => null), { what: `page ${returnTo}`, code: "FORBIDDEN", message: error.message });
        forbidden();
      }
      if (error.code === "UNAUTHENTICATED") redirect(`/login?next=${encodeURIComponent(returnTo)}`);
    }
    throw error;
  }
}
