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
      if (error.code === "FORBIDDEN") await forbidPage(returnTo, error.message);
      if (error.code === "UNAUTHENTICATED") redirect(`/login?next=${encodeURIComponent(returnTo)}`);
    }
    throw error;
  }
}

/** The 403 page, for a page the signed-in user may not see; the refusal is audited. */
export async function forbidPage(path: string, message = "Your role does not allow this page."): Promise<never> {
  await recordRefusal(await getCurrentActor().catch(() => null), { what: `page ${path}`, code: "FORBIDDEN", message });
  forbidden();
}
