// A production server of an earlier commit, for a benchmark that measures it beside the current
// one in the same run, on the same database and machine: a checkout of that commit with its
// dependencies installed and `next build` done (see docs/PERFORMANCE.md), started by its own
// launcher (scripts/start.ts) on a free port.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { UserFacingError } from "../lib/cli";
import { findFreePort } from "../lib/ports";

export interface BaselineServer {
  url: string;
  commit: string;
  /** The launcher's process id, which is also its process group's. */
  pid: number;
  stop(): Promise<void>;
}

export async function startBaselineServer(dir: string, env: Record<string, string>): Promise<BaselineServer> {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, "scripts/start.ts")) || !existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new UserFacingError(`--baseline-dir ${dir} is not a built checkout of this app (it needs scripts/start.ts and .next/BUILD_ID).`);
  }
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const port = await findFreePort("0.0.0.0");
  const url = `http://localhost:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/start.ts"), "start"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), NEXTAUTH_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stopping it stops Next too
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 300_000;
  while (!output.includes("is serving at")) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The baseline server (${commit}) exited before serving:\n${output}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`The baseline server (${commit}) did not start within 5 minutes:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    commit,
    pid: child.pid!,
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
