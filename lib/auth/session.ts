import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { loadActor } from "../data/users";
import { authOptions } from "./options";
import type { Actor } from "./permissions";

/**
 * The signed-in user of this request, checked against the database once per request (React's
 * cache: a page, its layout and its sections share one lookup): a disabled user, or one whose
 * access changed since signing in, has no session.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  // Session-dependent: never prerendered at build time.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return loadActor(session.user.id, session.user.sessionVersion ?? 0);
});

/**
 * For pages: the signed-in user, or a redirect to the login page that comes back here. An
 * administrator or reviewer without two-step sign-in is sent to set it up (the account page and
 * the dashboard's frame pass allowWithoutTwoStep).
 */
export async function requireSignedIn(returnTo: string, options: { allowWithoutTwoStep?: boolean } = {}): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (actor.needsTwoStep && !options.allowWithoutTwoStep) redirect("/dashboard/account#two-step");
  return actor;
}
