import "server-only";
// The job queue: pg-boss 10 on the app's own PostgreSQL (its tables in the schema "pgboss"), so
// no Redis is needed and a job outlives a restart. Its 10.x line runs on Node 20; 11 and later
// need Node 22. What runs on it (docs/NOTIFICATIONS.md):
//   mail-send    one job per MailMessage, the job's id being the mail's id, so a mail is queued
//                once however often it is asked for; retried with back-off when sending fails.
//   mail-sweep   every minute: queues any mail still PENDING (its event committed, but queueing
//                it did not happen or was lost).
//   reminders    every hour and when a worker starts: quarters due soon or overdue, and
//                submissions waiting for review that nobody was told about.
//   mail-digest  every day at 07:00 in Manila: each user's digest of the day before.
// pg-boss hands a job to one worker at a time (SELECT … FOR UPDATE SKIP LOCKED), and its cron
// sends one job per slot however many instances run the scheduler.
import PgBoss from "pg-boss";
import { getPool } from "./db";

export const QUEUES = {
  send: "mail-send",
  sweep: "mail-sweep",
  reminders: "reminders",
  digest: "mail-digest",
} as const;

const RETRY_LIMIT = 5;

/** Creates pg-boss's schema and the app's queues; run with the migrations, as the tables' owner. */
export async function installQueue(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 2, supervise: false, schedule: false });
  boss.on("error", (error) => console.error("[job queue]", error));
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of Object.values(QUEUES)) {
      if (existing.has(name)) continue;
      await boss.createQueue(name, {
        name,
        // Scheduled jobs: one waiting at a time is enough.
        policy: name === QUEUES.send ? "standard" : "singleton",
        retryLimit: name === QUEUES.send ? RETRY_LIMIT : 1,
        retryBackoff: true,
        retentionDays: 7,
      });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

// ---- Queueing from the app (a request's server process) ----------------------------------

const globalForQueue = globalThis as unknown as { compactTrackerQueue?: PgBoss };

/** pg-boss over the app's own pool, only to send: no polling, no maintenance, no scheduler here. */
function sender(): PgBoss {
  globalForQueue.compactTrackerQueue ??= new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => getPool().query(text, values) },
    supervise: false,
    schedule: false,
    migrate: false,
  });
  return globalForQueue.compactTrackerQueue;
}

/**
 * Queues mails whose rows are committed. A failure here loses nothing: the rows stay PENDING and
 * the next sweep queues them, so it is logged, not passed to the user whose action succeeded.
 */
export async function queueMails(ids: string[], retryDelaySeconds = mailRetryDelaySeconds()): Promise<void> {
  if (ids.length === 0) return;
  try {
    await sender().insert(
      ids.map((id) => ({ id, name: QUEUES.send, data: { mailId: id }, retryLimit: RETRY_LIMIT, retryDelay: retryDelaySeconds, retryBackoff: true })),
    );
  } catch (error) {
    console.error("[job queue] could not queue mail; the sweep will:", error);
  }
}

/** Seconds before the first retry of a mail (doubling after): MAIL_RETRY_DELAY_SECONDS, default 30. */
export function mailRetryDelaySeconds(): number {
  const value = Number(process.env.MAIL_RETRY_DELAY_SECONDS);
  return Number.isFinite(value) && value >= 1 ? value : 30;
}
