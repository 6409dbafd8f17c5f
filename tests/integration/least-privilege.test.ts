// On a PostgreSQL server the app can run as a role with only the grants of
// scripts/db/app-role.sql: it reads and writes rows, and cannot alter, drop or truncate tables or
// disable the triggers that keep the audit log insert-only (docs/SECURITY.md, "The database").
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { queueMails } from "../../lib/data/job-queue";
import { startWorker } from "../../lib/data/mail-worker";
import { createPrismaClient } from "../../lib/data/prisma";

const url = inject("databaseUrl");
const role = `compact_app_${randomBytes(4).toString("hex")}`;
const asRole = () => {
  const roleUrl = new URL(url);
  roleUrl.username = role;
  roleUrl.password = "";
  return roleUrl.toString();
};

describe.runIf(inject("databaseKind") === "server")("the app's database role", () => {
  let owner: pg.Client;
  let app: pg.Client;

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN`);
    const grants = await readFile(path.resolve(import.meta.dirname, "../../scripts/db/app-role.sql"), "utf8");
    await owner.query(grants.replaceAll("compact_app", role));
    app = new pg.Client({ connectionString: asRole() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await owner.query(`DROP OWNED BY ${role}`);
    await owner.query(`DROP ROLE ${role}`);
    await owner.end();
  });

  it("reads and writes rows through the app's own client", async () => {
    const db = createPrismaClient(asRole(), { max: 1 });
    try {
      const event = await db.auditEvent.create({ data: { action: "test.least_privilege", entityType: "Test" } });
      expect(await db.auditEvent.count({ where: { id: event.id } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("runs the job queue's worker: takes a queued mail and settles it", async () => {
    const mail = await owner.query<{ id: string }>(
      `INSERT INTO "MailMessage" (id, key, "to", subject, text, html) VALUES (gen_random_uuid(), 'least-privilege', 'nobody@test.local', 'S', 'T', 'H') RETURNING id`,
    );
    const id = mail.rows[0]!.id;
    // Only this test's mail in the queue (earlier test files queued theirs and had no worker).
    await owner.query(`DELETE FROM pgboss.job WHERE name = 'mail-send'`);
    const worker = await startWorker({ connectionString: asRole(), schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      await queueMails([id]);
      const deadline = Date.now() + 15_000;
      let status = "PENDING";
      while (status === "PENDING" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await owner.query<{ status: string }>(`SELECT status::text FROM "MailMessage" WHERE id = $1`, [id])).rows[0]!.status;
      }
      // No SMTP_URL in this test: kept in the outbox, by a worker signed in as the app's role.
      expect(status).toBe("KEPT");
    } finally {
      await worker.stop();
    }
  });

  it.each([
    [`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`, /must be owner of table/],
    [`DROP TABLE "Release"`, /must be owner of table/],
    [`TRUNCATE "AuditEvent"`, /permission denied for table/],
    [`ALTER TABLE "User" ADD COLUMN x int`, /must be owner of table/],
    [`CREATE TABLE sneaky (id int)`, /permission denied for schema public/],
  ])("is refused %s", async (statement, refusal) => {
    await expect(app.query(statement)).rejects.toThrow(refusal);
  });
});
