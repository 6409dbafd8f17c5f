// npm run check:resilience: concurrency, random input, a crash mid-import and load, on the same
// kind of database as the integration suite (TEST_DATABASE_URL, or a throwaway embedded one).
// A config of its own, so a bare `vitest run` never runs it beside the integration suite (both
// wipe the same database).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    name: "resilience",
    include: ["tests/resilience/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 400_000,
  },
});
