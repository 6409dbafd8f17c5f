// npm run check:first-run (CI runs it): the README's first run, tried as a new user would.
// A fresh `git clone` of the commit under test, in a temporary folder with nothing installed or
// generated, then exactly `npm install && npm start`: it must serve /api/health, name the
// Philippines partnership on /, sign a demo user in, stop cleanly on Ctrl+C (SIGINT), and a
// second `npm start` must reuse the data (no new seed, no new build). Then the README's database
// commands run as the first command after an install would (no generated Prisma client) and must
// work. Anything wrong fails with the commands' own output.
// It checks the committed tree (HEAD), not uncommitted changes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { signIn } from "./lib/app-server";
import { projectRoot } from "./lib/database";
import { findFreePort } from "./lib/ports";
import { stepAt } from "./lib/totp-code";

// The README's words; not read from the code under test.
const INSTALL_AND_START = "npm install && npm start";
const DEMO_EMAIL = "reviewer@demo.local";
const DEMO_PASSWORD = "cpc-demo-password";
const PARTNERSHIP_NAME = "Philippines Child Protection Compact";

class CheckFailed extends Error {
  constructor(
    message: string,
    readonly output = "",
  ) {
    super(message);
  }
}

/** The environment a new user's shell has: none of this project's settings, none of npm's. */
function newUserEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const projectSettings = new Set([
    "DATABASE_URL",
    "MIGRATION_DATABASE_URL",
    "TRUSTED_PROXY_HOPS",
    "TEST_DATABASE_URL",
    "BENCH_DATABASE_URL",
    "NEXTAUTH_SECRET",
    "NEXTAUTH_URL",
    "AUTH_SECRET",
    "SEED_DEMO_USERS",
    "COMPACT_DATA_DIR",
    "NODE_ENV",
    "NODE_OPTIONS",
    "PORT",
    "INIT_CWD",
  ]);
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (projectSettings.has(key) || key.startsWith("npm_") || key.startsWith("VITEST")) delete env[key];
  }
  // `npm run` put this checkout's node_modules/.bin on PATH; a new user's shell has no such entry.
  env.PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((entry) => !entry.includes(`${path.sep}node_modules${path.sep}.bin`))
    .join(path.delimiter);
  return { ...env, ...extra };
}

interface Shell {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs one command as a terminal would, in its own process group, so that Ctrl+C (SIGINT to the
 * group) reaches npm and everything under it. No `sh -c`: a non-interactive shell dies of the
 * SIGINT itself, where a user's interactive shell waits for npm and reports npm's exit code.
 */
function runCommand(commandLine: string, cwd: string, env: NodeJS.ProcessEnv): Shell {
  let output = "";
  const [command, ...args] = commandLine.split(" ");
  const child = spawn(command!, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const record = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The processes of a group still running, as "pid command". A zombie (state Z) has exited and
 * only waits for its parent to collect its status; orphans wait for PID 1, and on these machines
 * PID 1 (the sandbox's process_api) never collects them, so every `node --import tsx` that exits
 * leaves its esbuild service behind as a zombie. A terminal's init or systemd would reap it;
 * counting it as "left running" made this check fail by chance. Reads /proc (Linux).
 */
function runningInGroup(pgid: number): string[] {
  if (!existsSync("/proc/self/stat")) return groupAlive(pgid) ? [`process group ${pgid}`] : [];
  const running: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ")".
    const close = stat.lastIndexOf(")");
    const [state, , pgrp] = stat.slice(close + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") running.push(`${entry} ${stat.slice(stat.indexOf("(") + 1, close)}`);
  }
  return running;
}

function killGroup(shell: Shell) {
  if (groupAlive(shell.child.pid!)) process.kill(-shell.child.pid!, "SIGKILL");
}

async function waitForHealth(url: string, shell: Shell, minutes: number): Promise<void> {
  const deadline = Date.now() + minutes * 60_000;
  let exited = false;
  void shell.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new CheckFailed(`The command exited before /api/health answered.`, shell.output());
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new CheckFailed(`/api/health did not answer 200 within ${minutes} minutes.`, shell.output());
}

let lastStepSignedIn = -1;

async function checkServing(url: string, shell: Shell): Promise<void> {
  const home = await fetch(url);
  const html = await home.text();
  if (home.status !== 200 || !html.includes(PARTNERSHIP_NAME)) {
    throw new CheckFailed(`GET / answered ${home.status} without naming the "${PARTNERSHIP_NAME}" partnership.`, shell.output());
  }
  // The reviewer signs in with two-step sign-in: the key npm start prints, as the README says.
  const key = /add the key ([A-Z2-7]{16,}) to an authenticator app/.exec(shell.output())?.[1];
  if (!key) throw new CheckFailed("npm start did not print the demo two-step key for the administrator and reviewer.", shell.output());
  // A code signs in once: the second run's sign-in waits for the next 30-second step if needed.
  while (stepAt() <= lastStepSignedIn) await new Promise((resolve) => setTimeout(resolve, 1000));
  lastStepSignedIn = stepAt();
  let cookie: string;
  try {
    cookie = await signIn(url, DEMO_EMAIL, DEMO_PASSWORD, key);
  } catch (error) {
    throw new CheckFailed(`The demo sign-in failed: ${(error as Error).message}`, shell.output());
  }
  const session = (await (await fetch(`${url}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  if (session.user?.email !== DEMO_EMAIL) {
    throw new CheckFailed(`After signing in, /api/auth/session names ${JSON.stringify(session.user?.email)}, not ${DEMO_EMAIL}.`, shell.output());
  }
}

/**
 * Ctrl+C: SIGINT to the whole foreground process group. The launcher must stop Next, close the
 * database and say so; npm must return only after that, and leave nothing running. npm itself
 * ends by SIGINT (status 130 in a shell) even then: it runs the script through `sh -c`, which
 * waits for its child and then takes the SIGINT it received, and npm passes that on.
 */
async function pressCtrlC(shell: Shell): Promise<void> {
  process.kill(-shell.child.pid!, "SIGINT");
  const timer = setTimeout(() => killGroup(shell), 30_000);
  const { code, signal } = await shell.exited;
  clearTimeout(timer);
  if (!(code === 0 || signal === "SIGINT" || code === 130)) {
    throw new CheckFailed(`After Ctrl+C (SIGINT) npm exited with ${signal ?? `code ${code}`}, not 0 or SIGINT.`, shell.output());
  }
  if (!/Stopped: the app and .* are closed\./.test(shell.output())) {
    throw new CheckFailed("After Ctrl+C the launcher did not say it had closed the app and the database.", shell.output());
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const left = runningInGroup(shell.child.pid!);
  if (left.length > 0) {
    killGroup(shell);
    throw new CheckFailed(`After Ctrl+C it exited, but left processes of its own running: ${left.join(", ")}.`, shell.output());
  }
}

async function startAndCheck(label: string, clone: string, port: number, minutes: number): Promise<string> {
  const url = `http://localhost:${port}`;
  const started = Date.now();
  const env = newUserEnv({ PORT: String(port) });
  let installOutput = "";
  if (label === "first run") {
    // `npm install && npm start`: the install, then the start only if the install succeeded.
    const install = runCommand("npm install", clone, env);
    const { code } = await install.exited;
    if (code !== 0) throw new CheckFailed(`npm install exited with code ${code}.`, install.output());
    installOutput = install.output();
  }
  const commandLine = label === "first run" ? INSTALL_AND_START : "npm start";
  const shell = runCommand("npm start", clone, env);
  try {
    await waitForHealth(url, shell, minutes);
    const seconds = Math.round((Date.now() - started) / 1000);
    await checkServing(url, shell);
    await pressCtrlC(shell);
    console.log(`✓ ${label}: \`${commandLine}\` served ${url} in ${seconds} s, signed ${DEMO_EMAIL} in, and stopped cleanly on Ctrl+C`);
    return installOutput + shell.output();
  } finally {
    killGroup(shell);
  }
}

/** A README command run as the first command after an install: no generated Prisma client yet. */
async function firstCommand(commandLine: string, clone: string, env: Record<string, string>, expect: RegExp): Promise<void> {
  await rm(path.join(clone, "lib/generated"), { recursive: true, force: true });
  const shell = runCommand(commandLine, clone, newUserEnv(env));
  const timer = setTimeout(() => killGroup(shell), 5 * 60_000);
  const { code } = await shell.exited;
  clearTimeout(timer);
  if (code !== 0 || !expect.test(shell.output())) {
    throw new CheckFailed(`\`${commandLine}\`, run first after an install, exited with code ${code} without printing ${expect}.`, shell.output());
  }
  console.log(`✓ \`${commandLine}\` works as the first command after an install`);
}

async function main(): Promise<void> {
  const commit = spawnSync("git", ["rev-parse", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
  if (dirty) console.log("Note: this checks the committed tree (HEAD); your uncommitted changes are not in it.");
  const workDir = await mkdtemp(path.join(os.tmpdir(), "compact-first-run-"));
  const clone = path.join(workDir, "compact-tracker");
  try {
    const cloned = spawnSync("git", ["clone", "--quiet", "--no-hardlinks", projectRoot, clone], { encoding: "utf8" });
    const checkout = spawnSync("git", ["checkout", "--quiet", commit], { cwd: clone, encoding: "utf8" });
    if (cloned.status !== 0 || checkout.status !== 0) throw new CheckFailed(`git could not clone ${commit}.`, `${cloned.stderr}${checkout.stderr}`);
    console.log(`Fresh clone of ${commit.slice(0, 12)} in ${clone}`);

    const port = await findFreePort("0.0.0.0");
    const first = await startAndCheck("first run", clone, port, 15);
    if (!first.includes("Seeded the CPC partnerships")) throw new CheckFailed("The first start did not seed the partnerships.", first);

    const second = await startAndCheck("second run", clone, port, 5);
    if (second.includes("Seeded the CPC partnerships") || second.includes("Applied migrations")) {
      throw new CheckFailed("The second npm start seeded or migrated again instead of reusing the data in .data/.", second);
    }
    if (second.includes("Building the app")) throw new CheckFailed("The second npm start rebuilt the app instead of reusing the build.", second);
    console.log("✓ the second npm start reused the data and the build");

    const otherData = path.join(workDir, "other-data");
    await firstCommand("npm run db:migrate", clone, { COMPACT_DATA_DIR: otherData }, /Applied \d+ migration/);
    await firstCommand("npm run db:seed", clone, { COMPACT_DATA_DIR: otherData }, /Seeded embedded PostgreSQL/);
    await firstCommand("npm run db:backup", clone, { COMPACT_DATA_DIR: otherData }, /compact-embedded-.*\.tar\.gz/);
    if (!existsSync(path.join(clone, "backups"))) throw new CheckFailed("npm run db:backup printed a path but wrote no backups/ folder.");
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

try {
  const started = Date.now();
  await main();
  console.log(`First-run check passed in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (error) {
  if (error instanceof CheckFailed) {
    console.error(`\n✗ First-run check failed: ${error.message}`);
    if (error.output) console.error(`\nIts output:\n${error.output}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
