import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "./errors";

/** Runs a page's read; turns refusals into the 403 or 404 page, or the login page. */
export async function readForPage<T>(read: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "UNAUTHENTICATED") redirect(`/login?next=${encodeURIComponent(returnTo)}`);
    }
    throw error;
  }
}
