import { AppError } from "../errors";
import { can, type Action, type Actor, type ResourceScope } from "./permissions";
import { TWO_STEP_MISSING } from "./totp";

/** Throws FORBIDDEN unless the actor may take the action on the resource. */
export function requirePermission(actor: Actor | null, action: Action, resource: ResourceScope = {}): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (actor.needsTwoStep && action !== "account.manage") throw new AppError("FORBIDDEN", TWO_STEP_MISSING);
  if (!can(actor, action, resource)) {
    throw new AppError("FORBIDDEN", "Your role does not allow this. Ask an administrator if you need access.");
  }
  return actor;
}
