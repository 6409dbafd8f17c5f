// How long a session lasts and how its cookie is set. Shared by the next-auth options and
// proxy.ts, so it imports nothing that needs a database.

/** A session ends 30 minutes after the last request... */
export const IDLE_SECONDS = 30 * 60;
/** ...and 12 hours after sign-in, whatever happens. */
export const ABSOLUTE_SECONDS = 12 * 60 * 60;
/** proxy.ts renews the idle timer at most this often. */
export const RENEW_AFTER_SECONDS = 60;

export const secureCookies = process.env.NODE_ENV === "production";
export const SESSION_COOKIE = secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";
export const sessionCookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies };

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface SessionClock {
  authTime?: unknown;
  lastSeen?: unknown;
}

/** Seconds until the session ends, by whichever limit comes first; 0 when it has ended. */
export function secondsLeft(token: SessionClock | null, now = nowSeconds()): number {
  if (!token || typeof token.authTime !== "number" || typeof token.lastSeen !== "number") return 0;
  return Math.max(0, Math.min(token.authTime + ABSOLUTE_SECONDS - now, token.lastSeen + IDLE_SECONDS - now));
}

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) {
    throw new Error(
      "NEXTAUTH_SECRET (or AUTH_SECRET) is not set: set it to a long random string (openssl rand -base64 32). npm start generates one for the embedded demo database.",
    );
  }
  return secret;
}
