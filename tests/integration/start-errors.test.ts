import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/ports";

const root = path.resolve(import.meta.dirname, "../..");

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe("npm start with a bad DATABASE_URL", () => {
  it("stops with one sentence when the URL does not parse", () => {
    const { status, stderr } = start({ DATABASE_URL: "mysql:/nope" });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^DATABASE_URL does not parse \(.+\): set it to postgresql:\/\/.+, or unset it to use the embedded database\.$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("stops with one sentence when the server cannot be reached", async () => {
    const port = await findFreePort();
    const { status, stderr } = start({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/test` });
    expect(status).toBe(1);
    expect(stderr).toBe(
      `Cannot reach the PostgreSQL server in DATABASE_URL (127.0.0.1:${port}/test): nothing is listening there (connection refused). Start that server or correct DATABASE_URL, or unset DATABASE_URL to use the embedded database.`,
    );
  });
});
