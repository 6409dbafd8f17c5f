// With no proxy configured, X-Forwarded-For is the client's own claim: a new value per request
// must not be a new address for the sign-in limit (the probe bypassed it that way, and could lock
// out anyone's address). The audit log records the address the limit counted.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { AppServer } from "../../scripts/lib/app-server";
import { seedDatabase } from "../../prisma/seed/seed";
import { emptyTables, testDb } from "../support/database";
import { attemptSignIn, startApp } from "./app-server";

const url = inject("databaseUrl");
const db = testDb(url);
let server: AppServer;

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
  server = await startApp(url, { TRUSTED_PROXY_HOPS: "" });
});
afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

it("counts and records the socket's address, not the X-Forwarded-For a client sends", async () => {
  const email = "spoofer@test.local";
  for (const claimed of ["198.51.100.7", "198.51.100.8", "203.0.113.9, 198.51.100.9"]) await attemptSignIn(server.url, email, claimed);
  const rows = await db.auditEvent.findMany({
    where: { action: "auth.sign_in_failed", after: { path: ["email"], equals: email } },
    select: { ipAddress: true },
  });
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row.ipAddress).toMatch(/^(127\.0\.0\.1|::1)$/);
});
