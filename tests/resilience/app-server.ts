// The production app for the resilience checks: built when its sources changed, started by the
// same launcher as npm start, on the test run's database.
import { startAppServer, type AppServer } from "../../scripts/lib/app-server";
import { ensureBuild, ensurePrismaClient } from "../../scripts/lib/steps";

export async function startApp(databaseUrl: string): Promise<AppServer> {
  await ensurePrismaClient();
  await ensureBuild({ ...process.env, NODE_ENV: "production" });
  return startAppServer({ databaseUrl, quiet: true });
}

export { signIn } from "../../scripts/lib/app-server";
