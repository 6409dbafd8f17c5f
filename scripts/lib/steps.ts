// Build steps the launcher and the test command take only when their inputs changed:
// generating the Prisma client and building the Next app.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserFacingError } from "./cli";
import { projectRoot } from "./database";
import { fingerprint } from "./fingerprint";

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new UserFacingError(
              `${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed (${signal ?? `exit code ${code}`}); its output is above.`,
            ),
          ),
    );
  });
}

const bin = (pkg: string, file: string) => path.join(projectRoot, "node_modules", pkg, file);

async function stale(stampFile: string, inputs: string[], skip: string[] = []): Promise<string | null> {
  const current = await fingerprint(projectRoot, inputs, skip);
  const previous = existsSync(stampFile) ? await readFile(stampFile, "utf8") : "";
  return current === previous ? null : current;
}

export async function ensurePrismaClient(): Promise<void> {
  const stampFile = path.join(projectRoot, "lib/generated/prisma/.schema-fingerprint");
  const inputs = ["prisma/schema.prisma", "prisma.config.ts", "package-lock.json"];
  const next = await stale(stampFile, inputs);
  if (!next) return;
  console.log("Generating the Prisma client…");
  await run(process.execPath, [bin("prisma", "build/index.js"), "generate"]);
  await writeFile(stampFile, next);
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

/** Runs `next build` when the build is missing or older than its sources. */
export async function ensureBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const stampFile = path.join(projectRoot, ".next/compact-tracker-build-fingerprint");
  const next = await stale(stampFile, BUILD_INPUTS, ["generated", "node_modules"]);
  if (!next && existsSync(path.join(projectRoot, ".next/BUILD_ID"))) return;
  console.log(
    existsSync(path.join(projectRoot, ".next/BUILD_ID")) ? "Sources changed: rebuilding the app…" : "Building the app (first start takes a minute or two)…",
  );
  await run(process.execPath, [bin("next", "dist/bin/next"), "build"], { ...env, NODE_ENV: "production" });
  await writeFile(stampFile, next ?? (await fingerprint(projectRoot, BUILD_INPUTS, ["generated", "node_modules"])));
}

export const nextBin = bin("next", "dist/bin/next");

/**
 * Empties Next's data cache (unstable_cache entries) and its route cache (pages regenerated on
 * demand, such as the public summaries). Both live in .next/ and outlast the server, but the
 * database may have changed while the app was stopped (a restore, a seed, another DATABASE_URL),
 * and a cached summary would then show figures that are no longer true, or never were approved.
 */
export async function clearServerCaches(): Promise<void> {
  await Promise.all([".next/cache/fetch-cache", ".next/server/route-cache"].map((dir) => rm(path.join(projectRoot, dir), { recursive: true, force: true })));
}
