import { baselineHeaders } from "./lib/baseline-headers.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // PGlite and the Prisma adapter run in Node only, and pdfkit reads its font files from its own folder: keep them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@node-rs/argon2", "pdfkit", "pg-boss", "nodemailer"],
  // Headers every response carries (lib/baseline-headers.js); the Content-Security-Policy is set per page by proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: baselineHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
