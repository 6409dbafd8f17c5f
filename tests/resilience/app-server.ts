// The production app for the resilience checks: built when its sources changed, started by the
// same launcher as npm start, on the test run's database.
import { postCredentials, startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { ensureBuild, ensurePrismaClient } from "../../scripts/lib/steps";

export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  await ensurePrismaClient();
  await ensureBuild({ ...process.env, NODE_ENV: "production" });
  return startAppServer({ databaseUrl, env, quiet: true });
}

export { signIn } from "../../scripts/lib/app-server";

/** One sign-in attempt with a wrong password, claiming to come from forwardedFor. */
export async function attemptSignIn(baseUrl: string, email: string, forwardedFor: string): Promise<void> {
  await postCredentials(baseUrl, { email, password: "not the password" }, { "x-forwarded-for": forwardedFor });
}
