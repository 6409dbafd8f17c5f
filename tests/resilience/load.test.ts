// The production app under hostile and heavy traffic: random sign-in attempts and random page
// addresses never get a server error (or a session), and 200 connections on the public summary
// for a minute get no error responses.
import { readdir } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { load } from "../../scripts/bench/http";
import type { AppServer } from "../../scripts/lib/app-server";
import { projectRoot } from "../../scripts/lib/database";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { emptyTables, testDb } from "../support/database";
import { attemptSignIn, signIn, startApp } from "./app-server";

const url = inject("databaseUrl");
const db = testDb(url);
const RUNS = Number(process.env.RESILIENCE_RUNS ?? 200);
const LOAD_SECONDS = Number(process.env.RESILIENCE_LOAD_SECONDS ?? 60);
let server: AppServer;
let adminCookie = "";
const LOAD_ADMIN_KEY = "KRUGS4ZAMFSG22LOEBVWK6JAMZXXEIDM";

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  // An administrator with two-step sign-in on (the role requires it), with a key known here.
  await createUser(db, { role: "ADMIN", organization: "TIP Office", email: "load-admin@test.local" });
  await db.user.update({ where: { email: "load-admin@test.local" }, data: { totpSecret: LOAD_ADMIN_KEY, totpEnabledAt: new Date() } });
  // As behind one proxy that appends the address it saw (scripts/lib/client-address.ts).
  server = await startApp(url, { TRUSTED_PROXY_HOPS: "1" });
  adminCookie = await signIn(server.url, "load-admin@test.local", "factory-password-123", LOAD_ADMIN_KEY);
});
afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", "admin@demo.local", "' OR 1=1 --", "%", "\u0000", "a".repeat(10_000)),
);

it(`${RUNS} random sign-in attempts: refused as wrong credentials, never a server error or a session`, async () => {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  await fc.assert(
    // Each attempt from its own address (as the trusted proxy reports it), so the per-address
    // limit does not stop them before the database is asked.
    fc.asyncProperty(text, text, fc.boolean(), fc.ipV4(), async (email, password, withToken, address) => {
      const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
        body: new URLSearchParams({ email, password, json: "true", ...(withToken ? { csrfToken } : {}) }),
      });
      const body = await response.text();
      expect(response.status).toBeLessThan(500);
      expect(`${response.headers.get("location") ?? ""} ${body}`).not.toMatch(/error=ServerError/);
      expect(response.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c))).toBe(false);
    }),
    {
      numRuns: RUNS,
      examples: [
        ["\u0000", "\u0000", true, "192.0.2.1"],
        ["admin@demo.local\u0000", "x", true, "192.0.2.2"],
      ],
    },
  );
});

it("behind the trusted proxy, counts and records the address the proxy saw, not what the client claimed before it", async () => {
  const email = "behind-proxy@test.local";
  await attemptSignIn(server.url, email, "1.1.1.1, 198.51.100.7");
  const rows = await db.auditEvent.findMany({
    where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: email } },
    select: { ipAddress: true },
  });
  expect(rows).toEqual([{ ipAddress: "198.51.100.7" }]);
});

it(`${RUNS} random addresses under the public and signed-in paths, signed in as an administrator: never a 5xx`, async () => {
  const segment = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("philippines", "2021Q2", "O1.1", "O1", "..", "%2e%2e", "%00", "\u0000", "summary.json", "summary.csv"),
  );
  const prefix = fc.constantFrom(
    "/partnerships/",
    "/dashboard/",
    "/dashboard/philippines/reports/",
    "/dashboard/philippines/indicators/",
    "/api/public/partnerships/",
    "/api/partnerships/philippines/reports/",
    "/",
  );
  await fc.assert(
    fc.asyncProperty(prefix, fc.array(segment, { minLength: 1, maxLength: 3 }), async (start, parts) => {
      const path = start + parts.map((p) => encodeURIComponent(p)).join("/");
      const response = await fetch(server.url + path, { redirect: "manual", headers: { cookie: adminCookie } });
      await response.arrayBuffer();
      expect(response.status, path).toBeLessThan(500);
    }),
    { numRuns: RUNS },
  );
});

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

it("made-up partnership addresses get a 404 and leave nothing in Next's caches", async () => {
  const known = new Set((await db.partnership.findMany({ select: { slug: true } })).map((p) => p.slug));
  const routeCache = path.join(projectRoot, ".next/server/route-cache");
  const dataCache = path.join(projectRoot, ".next/cache/fetch-cache");
  const dataEntriesBefore = (await filesUnder(dataCache)).length;
  await fc.assert(
    fc.asyncProperty(fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8})?$/), async (slug) => {
      fc.pre(!known.has(slug));
      for (const address of [`/partnerships/${slug}`, `/api/public/partnerships/${slug}/summary.json`, `/api/public/partnerships/${slug}/summary.csv`]) {
        const response = await fetch(server.url + address);
        await response.arrayBuffer();
        expect(response.status, address).toBe(404);
      }
    }),
    { numRuns: 50 },
  );
  const cachedSummaries = (await filesUnder(routeCache)).flatMap((f) => /\/partnerships\/([^/.]+)/.exec(f)?.[1] ?? []);
  expect([...new Set(cachedSummaries)].filter((slug) => !known.has(slug))).toEqual([]);
  expect((await filesUnder(dataCache)).length).toBe(dataEntriesBefore);
});

it(`200 connections on the public summary for ${LOAD_SECONDS} s: no error responses`, async () => {
  const result = await load(server.url, "/partnerships/philippines", { connections: 200, seconds: LOAD_SECONDS });
  console.log(
    `${result.requests} requests, ${result.requestsPerSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, statuses ${JSON.stringify(result.statusCodes)}`,
  );
  expect(result.requests).toBeGreaterThan(LOAD_SECONDS); // at least one a second got through
  expect(result.failures).toBe(0);
  expect(Object.keys(result.statusCodes)).toEqual(["200"]);
});
