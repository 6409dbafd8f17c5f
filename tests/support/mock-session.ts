// Stands in for lib/auth/session in tests that call actions and route handlers directly:
//   vi.mock("../../lib/auth/session", () => import("../support/mock-session"));
// then set `session.actor` to the user the next call runs as (null: signed out).
import type { Actor } from "../../lib/auth/permissions";

export const session: { actor: Actor | null } = { actor: null };

export const getCurrentActor = async () => session.actor;
export const requireSignedIn = async () => session.actor;
