// The server process is killed (SIGKILL) in the middle of a 10,000-row import: after a restart
// the database holds the whole import or none of it, the audit log agrees, and the same import
// then goes through.
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { ensureImportPartnership, IMPORT_SLUG, importCsv } from "../../scripts/bench/scale-data";
import type { AppServer } from "../../scripts/lib/app-server";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser } from "../factories";
import { emptyTables, testDb } from "../support/database";
import { signIn, startApp } from "./app-server";

const url = inject("databaseUrl");
const kind = inject("databaseKind");
const db = testDb(url);
const ROWS = 10_000;
let server: AppServer | undefined;

beforeAll(async () => {
  server = await startApp(url); // may build first: outside the test's own time limit
  await emptyTables(url);
  await seedDatabase(db);
  await ensureImportPartnership(url);
  // Two open quarters: one imported whole to time it, one to crash in.
  await db.reportingPeriod.create({ data: { partnershipId: "scale-import", year: 2021, quarter: 3 } });
  await createUser(db, { role: "ENCODER", organization: "Implementer A", partnerships: [IMPORT_SLUG], email: "crash-encoder@test.local" });
});
afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

const postImport = (app: AppServer, cookie: string, period: string) => {
  const body = new FormData();
  body.append("file", new File([importCsv()], "quarter.csv", { type: "text/csv" }));
  body.append("organizationId", "scale-org-a");
  body.append("version", "0");
  body.append("mode", "apply");
  return fetch(`${app.url}/api/partnerships/${IMPORT_SLUG}/reports/${period}/import`, {
    method: "POST",
    headers: { cookie, origin: app.url },
    body,
  });
};

async function stateOf(period: { year: number; quarter: number }) {
  const submission = await db.submission.findFirst({
    where: { period: { partnershipId: "scale-import", ...period } },
    select: { id: true, version: true, _count: { select: { measurements: true } } },
  });
  const audits = await db.auditEvent.count({ where: { action: "submission.save", partnershipId: "scale-import", entityId: submission?.id ?? "none" } });
  return { submission: submission !== null, measurements: submission?._count.measurements ?? 0, audits };
}

/** On a server, the moment the import's transaction has written something (it has an xid). */
async function waitForOpenWriteTransaction(timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND backend_xid IS NOT NULL`,
      );
      if (rows[0]!.n > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  } finally {
    await client.end();
  }
}

it("a SIGKILL in the middle of an import leaves all of it or none of it, and the audit log agrees", async () => {
  let cookie = await signIn(server!.url, "crash-encoder@test.local", "factory-password-123");

  // A whole import, timed: the control, and how long the crash run should wait.
  let started = performance.now();
  const whole = await postImport(server!, cookie, "2021Q3");
  const wholeMs = performance.now() - started;
  expect(whole.status).toBe(200);
  expect(await whole.json()).toMatchObject({ applied: true, counts: { create: ROWS, reject: 0 } });
  expect(await stateOf({ year: 2021, quarter: 3 })).toEqual({ submission: true, measurements: ROWS, audits: 1 });

  // The crash: the same import into the other quarter, killed while it runs.
  started = performance.now();
  const crashed = postImport(server!, cookie, "2021Q4").then(
    (response) => `answered ${response.status}`,
    () => "no answer",
  );
  const midTransaction = kind === "server" ? await waitForOpenWriteTransaction(wholeMs * 3) : (await new Promise((r) => setTimeout(r, wholeMs * 0.6)), false);
  const killedAfterMs = Math.round(performance.now() - started);
  process.kill(-server!.process.pid!, "SIGKILL");
  const answer = await crashed;
  server = undefined;

  const afterCrash = await stateOf({ year: 2021, quarter: 4 });
  console.log(
    `Killed ${killedAfterMs} ms into a ${Math.round(wholeMs)} ms import${midTransaction ? ", with its transaction open" : ""} (${answer}): ${afterCrash.measurements} of ${ROWS} rows, ${afterCrash.audits} audit event(s).`,
  );
  expect([
    { submission: false, measurements: 0, audits: 0 },
    { submission: true, measurements: ROWS, audits: 1 },
  ]).toContainEqual(afterCrash);
  // An import that answered before the kill must be whole. On a server the kill is known to have
  // landed inside the transaction, so nothing of it may remain; on the embedded database it is
  // timed to, and the all-or-nothing check above is what holds either way.
  if (answer !== "no answer") expect(afterCrash.measurements).toBe(ROWS);
  if (midTransaction) expect({ answer, measurements: afterCrash.measurements }).toEqual({ answer: "no answer", measurements: 0 });

  // Restarted, the app serves, and the import goes through (or finds nothing left to do).
  server = await startApp(url);
  cookie = await signIn(server.url, "crash-encoder@test.local", "factory-password-123");
  const retried = await postImport(server, cookie, "2021Q4");
  expect(retried.status).toBe(200);
  expect(await stateOf({ year: 2021, quarter: 4 })).toEqual({ submission: true, measurements: ROWS, audits: 1 });
  expect(await stateOf({ year: 2021, quarter: 3 })).toEqual({ submission: true, measurements: ROWS, audits: 1 });
});
