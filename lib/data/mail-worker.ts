import "server-only";
// The worker: pg-boss's scheduler, maintenance and the handlers of the app's queues
// (lib/data/job-queue.ts). npm start runs one beside the app (scripts/start.ts); every instance
// may run one, as pg-boss gives each job to one worker and each cron slot to one job.
import PgBoss from "pg-boss";
import { mailTransport } from "../mail-transport";
import { mailRetryDelaySeconds, QUEUES, queueMails } from "./job-queue";
import { deliverMail, pendingMails, writeDigests } from "./notifications";
import { writeReminders } from "./reminders";

export interface WorkerOptions {
  connectionString: string;
  /** Seconds between polls for new jobs (default 2). */
  pollingIntervalSeconds?: number;
  /** Seconds before a failed mail's first retry (default MAIL_RETRY_DELAY_SECONDS or 30). */
  retryDelaySeconds?: number;
  /** Leave out the cron schedules (tests that drive the jobs themselves). */
  schedule?: boolean;
}

export interface Worker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: 4,
    migrate: false,
    schedule: options.schedule !== false,
    supervise: options.schedule !== false,
  });
  boss.on("error", (error) => console.error("[worker]", error));
  await boss.start();
  const retryDelay = options.retryDelaySeconds ?? mailRetryDelaySeconds();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  // Up to 20 mails a poll, sent side by side; each that fails is failed alone (retried with
  // back-off by pg-boss), and the rest complete when the handler returns.
  await boss.work<{ mailId: string }>(QUEUES.send, { ...polling, includeMetadata: true, batchSize: 20 }, async (jobs) => {
    const transport = mailTransport();
    const outcomes = await Promise.allSettled(jobs.map((job) => deliverMail(job.data.mailId, transport, job.retryCount >= job.retryLimit)));
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === "rejected") await boss.fail(QUEUES.send, jobs[i]!.id, { message: String((outcome.reason as Error)?.message ?? outcome.reason) });
    }
  });
  await boss.work(QUEUES.sweep, polling, async () => queueMails(await pendingMails(30), retryDelay));
  await boss.work(QUEUES.reminders, polling, async () => queueMails(await writeReminders(), retryDelay));
  await boss.work(QUEUES.digest, polling, async () => queueMails(await writeDigests(), retryDelay));

  if (options.schedule !== false) {
    await boss.schedule(QUEUES.sweep, "* * * * *");
    await boss.schedule(QUEUES.reminders, "7 * * * *");
    await boss.schedule(QUEUES.digest, "0 7 * * *", undefined, { tz: "Asia/Manila" });
    // A reminder due since the last run is not left to wait for the hour.
    await boss.send(QUEUES.reminders, {});
  }
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
