import { fileURLToPath } from "node:url";
import { baselineHeaders } from "./lib/baseline-headers.js";

// With REDIS_URL, every instance keeps Next's caches in one Redis (lib/cache/redis-cache-handler.js)
// and none keeps a copy in its own memory, so that an approval on one refreshes the public pages
// on all (docs/SCALING.md). Read when the server starts, so a build serves either way.
const sharedCache = process.env.REDIS_URL
  ? { cacheHandler: fileURLToPath(new URL("./lib/cache/redis-cache-handler.js", import.meta.url)), cacheMaxMemorySize: 0 }
  : {};

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  ...sharedCache,
  // PGlite and the Prisma adapter run in Node only, and pdfkit reads its font files from its own folder: keep them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@node-rs/argon2", "pdfkit", "pg-boss", "nodemailer", "redis"],
  // Headers every response carries (lib/baseline-headers.js); the Content-Security-Policy is set per page by proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: baselineHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
