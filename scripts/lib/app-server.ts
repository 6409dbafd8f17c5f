// A production server of the app for the benchmarks and resilience checks: the same launcher as
// npm start (scripts/start.ts) on a given database and a free port, and a signed-in session on it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { projectRoot } from "./database";
import { findFreePort } from "./ports";
import { totpCode } from "./totp-code";

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** What the launcher printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function startAppServer(options: { databaseUrl: string; env?: Record<string, string>; quiet?: boolean; port?: number }): Promise<AppServer> {
  const port = options.port ?? (await findFreePort("0.0.0.0"));
  const url = `http://localhost:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts/start.ts"), "start"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it stops Next too
  });
  const record = (chunk: Buffer) => {
    output += chunk.toString();
    if (!options.quiet) process.stderr.write(chunk);
  };
  child.stdout!.on("data", record);
  child.stderr!.on("data", record);

  const deadline = Date.now() + 300_000; // a stale build is rebuilt first
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app server exited (${child.signalCode ?? `code ${child.exitCode}`}) before serving:\n${output}`);
    }
    if (output.includes("is serving at")) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!output.includes("is serving at")) {
    process.kill(-child.pid!, "SIGKILL");
    throw new Error(`The app server did not start within 5 minutes:\n${output}`);
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid!, "SIGTERM");
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * One POST to next-auth's credentials endpoint, with the CSRF token and cookie it asks for first.
 * Extra headers go with the POST (a test's X-Forwarded-For, say).
 */
export async function postCredentials(baseUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), ...headers },
    body: new URLSearchParams({ csrfToken, json: "true", ...fields }),
  });
}

/**
 * Signs in through next-auth's credentials endpoint; returns the Cookie header of the session.
 * With a two-step key, sends the code an authenticator app would show now.
 */
export async function signIn(baseUrl: string, email: string, password: string, twoStepKey?: string): Promise<string> {
  const response = await postCredentials(baseUrl, { email, password, ...(twoStepKey ? { code: totpCode(twoStepKey) } : {}) });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  return session;
}
