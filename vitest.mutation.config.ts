// The unit tests alone, for mutation testing (npm run test:mutation, stryker.config.json): the
// pure modules it mutates are what they test, and no database is needed.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: { include: ["tests/unit/**/*.test.ts"], environment: "node" },
});
