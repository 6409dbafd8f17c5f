import type { DefaultSession } from "next-auth";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** This session's id, for revoking it on sign-out. */
    sid?: string;
    sessionVersion?: number;
    authTime?: number;
    lastSeen?: number;
  }
}

declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    id: string;
    sessionVersion?: number;
  }
}
