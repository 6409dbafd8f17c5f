import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./scripts/lib/chromium";
import { E2E_AUTH_SECRET } from "./tests/e2e/secret";

// End-to-end tests run the production build on a throwaway in-memory embedded database:
// they never touch .data/ or a DATABASE_URL server. Chromium is Debian's (see README).
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/start.ts start",
    url: `http://localhost:${port}/api/health`,
    env: { PORT: String(port), COMPACT_DATA_DIR: "memory", DATABASE_URL: "", NEXTAUTH_SECRET: E2E_AUTH_SECRET },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
