// npm start / npm run dev: the one command that brings the app up.
// Without DATABASE_URL it opens the embedded PostgreSQL in .data/ (this process owns it while
// the app runs), applies migrations, seeds an empty database, builds when needed and starts Next.
// package.json runs scripts/generate.ts before this file: its imports reach the generated Prisma
// client (lib/generated/), which a fresh clone does not have, and ES modules load every import
// before any code here could generate it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { runCli, UserFacingError } from "./lib/cli";
import { trustedProxyHops } from "./lib/client-address";
import { openEmbedded, openExternal, openOwnerDatabase, projectRoot, type Database } from "./lib/database";
import { findFreePort, isPortFree } from "./lib/ports";
import { migrate, seed, seedDemoSignIns, wantsDemoUsers } from "./lib/prepare";
import { authSecretFor } from "./lib/secret";
import { DEMO_PASSWORD, DEMO_TWO_STEP_KEY, demoUsers } from "../prisma/seed/demo-users";
import { clearServerCaches, ensureBuild, nextBin } from "./lib/steps";
import type { Worker } from "../lib/data/mail-worker";

const mode = process.argv[2] === "dev" ? "dev" : "start";

async function choosePort(): Promise<number> {
  const requested = process.env.PORT ? Number(process.env.PORT) : 3000;
  if (!Number.isInteger(requested) || requested < 1 || requested > 65535) {
    throw new UserFacingError(`PORT must be a whole number from 1 to 65535, not "${process.env.PORT}".`);
  }
  if (await isPortFree(requested, "0.0.0.0")) return requested;
  if (process.env.PORT) {
    throw new UserFacingError(`Port ${requested} (from PORT) is already in use: stop what is using it, or choose another PORT.`);
  }
  const free = await findFreePort("0.0.0.0");
  console.log(`Port ${requested} is in use; using port ${free} instead.`);
  return free;
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

await runCli(async () => {
  try {
    trustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
  } catch (error) {
    throw new UserFacingError((error as Error).message);
  }
  const external = process.env.DATABASE_URL;
  const db: Database = external ? await openExternal(external) : process.env.COMPACT_DATA_DIR === "memory" ? await openEmbedded(0) : await openEmbedded();
  let child: ChildProcess | undefined;
  let worker: Worker | undefined;
  let stopping = false;
  let signalled = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child?.once("exit", resolve));
    }
    await worker?.stop().catch(() => {});
    await db.close();
    if (signalled) console.log(`\nStopped: the app and ${db.description} are closed.`);
    process.exit(code);
  };
  // Ctrl+C reaches Next too (one process group): its exit then is part of stopping, not a failure.
  const onSignal = () => {
    signalled = true;
    void stop(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    console.log(`Database: ${db.description}`);
    // Migrations and the seed run as the database's owner; the app may run as a lesser role.
    const owner = await openOwnerDatabase(db);
    const applied = await migrate(owner);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
    const seeded = await seed(owner, { onlyIfEmpty: true });
    if (seeded) console.log(`Seeded the CPC partnerships: ${seeded.created.join(", ")}`);
    const demo = wantsDemoUsers(db);
    if (demo) await seedDemoSignIns(owner);

    const port = await choosePort();
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      NEXTAUTH_SECRET: await authSecretFor({ externalDatabase: !db.embedded }),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    };
    if (mode === "start") await ensureBuild(env);
    await clearServerCaches();

    // Production: scripts/serve.ts (Next behind a server that sends the public record like files).
    // Run without the react-server condition this launcher has: Next resolves React itself.
    // A larger young generation (64 MB semi-spaces, V8's default is 16 MB) collects the garbage of
    // rendering a page less often: about 6 % more signed-in overviews a second under load here
    // (issue 19, docs/PERFORMANCE.md), for up to about 100 MB more memory while busy.
    const server =
      mode === "start" ? ["--max-semi-space-size=64", "--import", "tsx", path.join(projectRoot, "scripts/serve.ts")] : [nextBin, mode, "--port", String(port)];
    child = spawn(process.execPath, server, { env, stdio: "inherit" });
    child.on("exit", (code) => void stop(signalled ? 0 : (code ?? 1)));
    const appUrl = `http://localhost:${port}`;
    // The job queue's worker runs here, beside the app, on the app's database and role: reminders,
    // mail and digests (docs/NOTIFICATIONS.md). lib/data reads the same variables the app does.
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.NEXTAUTH_URL = env.NEXTAUTH_URL;
    const { startWorker } = await import("../lib/data/mail-worker");
    worker = await startWorker({ connectionString: db.url });
    if (await waitUntilServing(appUrl, child)) {
      await db.announce(appUrl);
      const twoStep = db.embedded
        ? `Two-step sign-in (administrator and reviewer): add the key ${DEMO_TWO_STEP_KEY} to an authenticator app,\n  or run \`npm run demo:code\` in another terminal for the code it gives now.\n`
        : "";
      const signIns = demo
        ? `\nDemo sign-ins (password ${DEMO_PASSWORD}):\n${demoUsers.map((u) => `  ${u.email.padEnd(22)} ${u.role}`).join("\n")}\n${twoStep}`
        : "";
      const mail = process.env.SMTP_URL
        ? "Mail: sent through SMTP_URL.\n"
        : "Mail: no SMTP_URL, so e-mail is kept in the outbox (signed in as an administrator: Outbox).\n";
      console.log(`\nCompact Tracker is serving at ${appUrl}\nDatabase: ${db.description}\n${mail}${signIns}Stop it with Ctrl+C.\n`);
    }
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
});
