import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "../data/sign-in";
import { randomUUID } from "node:crypto";
import { revokeSession, sessionStands, unsafeGetSessionVersion } from "../data/users";
import { hasNul } from "../validation/text";
import { ABSOLUTE_SECONDS, authSecret, IDLE_SECONDS, nowSeconds, secondsLeft, SESSION_COOKIE, secureCookies, sessionCookieOptions } from "./session-policy";

/**
 * The client address: the production server (scripts/serve.ts) replaces X-Forwarded-For with the
 * one address it believes, the socket's peer or, with TRUSTED_PROXY_HOPS, what the trusted
 * proxies saw (scripts/lib/client-address.ts). Under `next dev` the header is the client's own.
 */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return (typeof value === "string" ? value.split(",")[0]?.trim() : undefined) || "unknown";
}

/** Built per call, so that importing this module (next build does) needs no secret. */
export const authOptions = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: IDLE_SECONDS },
  // next-auth's tokens otherwise say they expire in 30 days, whatever the session's limits.
  jwt: { maxAge: IDLE_SECONDS },
  useSecureCookies: secureCookies,
  cookies: { sessionToken: { name: SESSION_COOKIE, options: sessionCookieOptions } },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        // PostgreSQL text cannot hold NUL, so no account has one: refuse before asking the database.
        if (!email || !password || hasNul(email) || hasNul(password)) return null;
        let outcome: Awaited<ReturnType<typeof signInWithPassword>>;
        try {
          outcome = await signInWithPassword(email, password, clientAddress(req.headers), credentials?.code ?? "");
        } catch (error) {
          console.error("[auth] sign-in failed on the server", error);
          throw new Error("ServerError");
        }
        if (outcome.ok) {
          return {
            id: outcome.actor.id,
            email: outcome.actor.email,
            name: outcome.actor.name,
            sessionVersion: await unsafeGetSessionVersion(outcome.actor.id),
          };
        }
        if (outcome.reason === "WRONG_CREDENTIALS") return null;
        if (outcome.reason === "TWO_STEP_REQUIRED") throw new Error("TwoStepRequired");
        if (outcome.reason === "WRONG_TWO_STEP_CODE") throw new Error("TwoStepWrong");
        // ACCOUNT_LOCKED or ADDRESS_LIMITED
        const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
        throw new Error(`${outcome.reason === "ACCOUNT_LOCKED" ? "AccountLocked" : "AddressLimited"}:${minutes}`);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = nowSeconds();
      // sid names this session, so that signing out can end it on the server (events.signOut).
      if (user) return { ...token, uid: user.id, sid: randomUUID(), sessionVersion: user.sessionVersion, authTime: now, lastSeen: now };
      // Throwing ends the session: getServerSession and /api/auth/session answer no user, and
      // the cookie is cleared. A copied cookie of a signed-out or disabled user is refused here.
      if (secondsLeft(token, now) <= 0) throw new Error("SessionExpired");
      if (!(await sessionStands(token))) throw new Error("SessionEnded");
      return token;
    },
    async session({ session, token }) {
      const expires = new Date((nowSeconds() + secondsLeft(token)) * 1000).toISOString();
      return { ...session, expires, user: { ...session.user, id: token.uid ?? "", sessionVersion: token.sessionVersion ?? 0 } };
    },
  },
  events: {
    async signOut({ token }) {
      const authTime = typeof token?.authTime === "number" ? token.authTime : nowSeconds();
      await revokeSession(token ?? {}, new Date((authTime + ABSOLUTE_SECONDS) * 1000));
    },
  },
  logger: {
    error(code, metadata) {
      if (code !== "JWT_SESSION_ERROR") console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      if (code !== "NEXTAUTH_URL") console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
});
