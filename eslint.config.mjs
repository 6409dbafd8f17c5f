import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Pages and actions reach the database only through lib/data (STYLE.md item 1).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/generated/prisma/*", "@prisma/client", "@prisma/adapter-pg"],
              message: "Import database access from lib/data/ instead.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/data/**", "prisma/**", "scripts/**", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    ".stryker-tmp/**",
    "reports/**",
    "next-env.d.ts",
  ]),
]);
