// npm test: everything a change must pass, in order, stopping at the first failure.
// With TEST_DATABASE_URL set, the integration suite runs a second time against that server, and
// the resilience checks run there (otherwise on the embedded database).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./lib/database";

const bin = (pkg: string, file: string) => path.join(projectRoot, "node_modules", pkg, file);
const withoutServer = { ...process.env, TEST_DATABASE_URL: "" };

const steps: { name: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [
  { name: "generate the Prisma client", args: ["--import", "tsx", "scripts/generate.ts"] },
  { name: "typecheck", args: [bin("typescript", "bin/tsc"), "--noEmit"] },
  { name: "lint", args: [bin("eslint", "bin/eslint.js"), "."] },
  { name: "formatting (Prettier; npm run format fixes it)", args: [bin("prettier", "bin/prettier.cjs"), "--check", "."] },
  { name: "unit and integration tests (embedded PostgreSQL)", args: [bin("vitest", "vitest.mjs"), "run"], env: withoutServer },
];
if (process.env.TEST_DATABASE_URL) {
  steps.push({
    name: `integration tests against ${new URL(process.env.TEST_DATABASE_URL).host}`,
    args: [bin("vitest", "vitest.mjs"), "run", "--project", "integration"],
  });
}
steps.push({ name: "end-to-end tests (Chromium, production build)", args: [bin("@playwright/test", "cli.js"), "test"] });
steps.push({
  name: "resilience checks (concurrency, random input, crash mid-import, load)",
  args: [bin("vitest", "vitest.mjs"), "run", "--config", "vitest.resilience.config.ts"],
});

const started = Date.now();
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const stepStarted = Date.now();
  const result = spawnSync(process.execPath, step.args, { cwd: projectRoot, stdio: "inherit", env: step.env ?? process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${step.name} failed (${result.signal ?? `exit code ${result.status}`}).`);
    process.exit(result.status || 1);
  }
  console.log(`✓ ${step.name} (${Math.round((Date.now() - stepStarted) / 1000)} s)`);
}
console.log(`\nAll checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
