// Notifications through the real job queue (pg-boss on the test database) to a real SMTP server
// in this process (smtp-server): who hears about a return, what the mail says, the digest, a
// preference "off", a retry after a refused delivery, and a restart between scheduling and
// sending. Every expectation is what a recipient would see in their mailbox or their list.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../lib/auth/permissions";
import { startWorker, type Worker } from "../../lib/data/mail-worker";
import { listNotifications, saveMailPreferences, writeDigests } from "../../lib/data/notifications";
import { writeReminders } from "../../lib/data/reminders";
import { getQuarterReport } from "../../lib/data/reports";
import { addComment, reopenSubmission, reviewSubmission, saveSubmission } from "../../lib/data/submissions";
import { queueMails } from "../../lib/data/job-queue";
import { valuesFromForm } from "../../lib/quarter/form";
import { seedDemoUsers } from "../../prisma/seed/demo-users";
import { seedDemoWork } from "../../prisma/seed/demo-work";
import { seedDatabase } from "../../prisma/seed/seed";
import { createUser, organizationId } from "../factories";
import { emptyTables, testDb } from "../support/database";

const url = inject("databaseUrl");
const db = testDb(url);

interface Received {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A mail server in this process. `refuseOnce` names addresses whose first delivery it refuses. */
class MailServer {
  received: Received[] = [];
  refuseOnce = new Set<string>();
  refused: string[] = [];
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (this.refuseOnce.delete(address.address)) {
        this.refused.push(address.address);
        const error = new Error("Mailbox busy, try again later") as Error & { responseCode: number };
        error.responseCode = 450;
        return callback(error);
      }
      callback();
    },
    onData: (stream, session, callback) => {
      void simpleParser(stream).then((mail) => {
        this.received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
        });
        callback();
      }, callback);
    },
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }
  stop = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
  to = (email: string) => this.received.filter((m) => m.to.includes(email));
}

const smtp = new MailServer();
let worker: Worker | null = null;
let encoder: Actor, otherEncoder: Actor, reviewer: Actor, otherReviewer: Actor, admin: Actor;
let iacat = "";

async function until<T>(what: string, check: () => Promise<T | null | false | undefined>, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting after ${seconds} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until no mail is PENDING, then a little longer, so that a second delivery would have arrived. */
async function settled() {
  await until("every mail sent or kept", async () => (await db.mailMessage.count({ where: { status: "PENDING" } })) === 0);
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

const start = async () => (worker = await startWorker({ connectionString: url, schedule: false, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 }));

beforeAll(async () => {
  await emptyTables(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DELETE FROM pgboss.job");
  await client.end();
  await seedDatabase(db);
  process.env.SMTP_URL = await smtp.start();
  process.env.MAIL_RETRY_DELAY_SECONDS = "1";
  process.env.NEXTAUTH_URL = "https://tracker.example.org";
  encoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  otherEncoder = await createUser(db, { role: "ENCODER", organization: "IACAT", partnerships: ["philippines"] });
  reviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: ["philippines"] });
  otherReviewer = await createUser(db, { role: "REVIEWER", organization: "TIP Office", partnerships: [] });
  admin = await createUser(db, { role: "ADMIN", organization: "TIP Office" });
  iacat = await organizationId(db, "IACAT");
  await start();
});
beforeEach(() => {
  smtp.received = [];
});
afterAll(async () => {
  await worker?.stop();
  await smtp.stop();
  delete process.env.SMTP_URL;
  await db.$disconnect();
});

/** Reopens an approved IACAT quarter and has `by` submit it again with its values as they were. */
async function resubmit(quarter: string, by: Actor) {
  const [year, q] = quarter.split("Q").map(Number);
  const stored = await db.submission.findFirstOrThrow({ where: { organizationId: iacat, period: { year, quarter: q } } });
  await reopenSubmission(admin, { submissionId: stored.id, version: stored.version, reason: "Checked again." });
  const report = (await getQuarterReport(by, "philippines", quarter)).organizations.find((o) => o.organizationId === iacat)!;
  const form = Object.fromEntries(report.entry.map((r) => [`v:${r.code}:total`, r.values[""]!]));
  await saveSubmission(by, {
    slug: "philippines",
    period: quarter,
    organizationId: iacat,
    version: report.version,
    intent: "submit",
    values: valuesFromForm(form),
  });
  return db.submission.findUniqueOrThrow({ where: { id: stored.id } });
}

describe("notifications by e-mail and in the app", () => {
  it("sends a return to the one who entered the report, once, with the reason, the indicator comments and a link, and no figure", async () => {
    const submitted = await resubmit("2019Q2", encoder);
    await settled();
    // The partnership's reviewer hears of the submission at once; a reviewer of other partnerships does not.
    expect(smtp.to(reviewer.email).map((m) => m.subject)).toContain("Compact Tracker: IACAT's report for 2019Q2 is waiting for your review");
    expect(smtp.to(otherReviewer.email)).toEqual([]);
    smtp.received = [];

    await addComment(reviewer, { submissionId: submitted.id, indicatorCode: "O4.1", body: "Which 3 municipalities held these sessions?" });
    await reviewSubmission(reviewer, {
      submissionId: submitted.id,
      version: submitted.version,
      decision: "RETURN",
      reason: "The 14 sessions lack attendance sheets.",
    });
    await settled();

    const mails = smtp.to(encoder.email);
    expect(mails).toHaveLength(1);
    expect(smtp.received).toHaveLength(1); // not the other encoder, not the reviewer
    const [mail] = mails;
    expect(mail!.subject).toBe("Compact Tracker: IACAT's report for 2019Q2 was returned to you");
    expect(mail!.text).toContain(`${reviewer.name} returned IACAT's report for 2019Q2`);
    expect(mail!.text).toContain("Reason: The [number] sessions lack attendance sheets.");
    expect(mail!.text).toContain("O4.1: Which [number] municipalities held these sessions?");
    expect(mail!.text).toContain("https://tracker.example.org/dashboard/philippines/reports/2019Q2");
    expect(mail!.html).toContain('href="https://tracker.example.org/dashboard/philippines/reports/2019Q2"');
    expect(mail!.text).not.toMatch(/\b14\b|\b3 municipalities/);

    // In the app: the encoder's list has it, unread, linking to the quarter.
    const list = await listNotifications(encoder);
    expect(list.items[0]).toMatchObject({ kind: "RETURNED", read: false, link: "/dashboard/philippines/reports/2019Q2", mailStatus: "SENT" });
  });

  it("gathers a day's approvals into one digest, and a second run the same day sends nothing more", async () => {
    for (const quarter of ["2019Q3", "2019Q4"]) {
      const submitted = await resubmit(quarter, encoder);
      await reviewSubmission(reviewer, { submissionId: submitted.id, version: submitted.version, decision: "APPROVE", reason: "" });
    }
    await settled();
    // Approvals wait for the digest by default: nothing about them yet.
    expect(smtp.to(encoder.email).filter((m) => /approved/.test(m.subject))).toEqual([]);

    await queueMails(await writeDigests());
    await settled();
    const digests = smtp.to(encoder.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toMatch(/^Compact Tracker: your daily digest for \d{4}-\d{2}-\d{2} \(\d+ notifications\)$/);
    expect(digests[0]!.text).toContain("IACAT's report for 2019Q3 was approved");
    expect(digests[0]!.text).toContain("IACAT's report for 2019Q4 was approved");

    smtp.received = [];
    expect(await writeDigests()).toEqual([]);
  });

  it("sends nothing for a kind the user turned off, and still lists it in the app", async () => {
    await saveMailPreferences(otherEncoder, { RETURNED: "OFF" });
    const submitted = await resubmit("2020Q1", otherEncoder);
    await reviewSubmission(reviewer, { submissionId: submitted.id, version: submitted.version, decision: "RETURN", reason: "Add the sources." });
    await settled();
    expect(smtp.to(otherEncoder.email)).toEqual([]);
    expect(await db.mailMessage.count({ where: { to: otherEncoder.email } })).toBe(0);
    const list = await listNotifications(otherEncoder);
    expect(list.items.find((n) => n.kind === "RETURNED")).toMatchObject({
      title: "IACAT's report for 2020Q1 was returned to you",
      mailMode: "OFF",
      mailStatus: null,
    });
  });

  it("delivers a mail the server refused at first once, on the retry", async () => {
    smtp.refuseOnce.add(reviewer.email);
    await resubmit("2020Q2", encoder);
    await settled();
    expect(smtp.refused).toEqual([reviewer.email]);
    // The reviewer's first delivery (the reopening's or the submission's mail, whichever the
    // worker sent first) was refused, then sent on the retry: each mail arrived once.
    const retried = await db.mailMessage.findMany({ where: { lastError: { contains: "Mailbox busy" } } });
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({ to: reviewer.email, status: "SENT", attempts: 2 });
    expect(
      smtp
        .to(reviewer.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(["Compact Tracker: IACAT's report for 2020Q2 is waiting for your review", "Compact Tracker: IACAT's report for 2020Q2 was reopened"]);
  });

  it("loses no reminder and sends none twice across a restart between scheduling and sending", async () => {
    await worker!.stop();
    worker = null;
    // A quarter due in five days that IACAT has not started.
    const due = new Date(Date.now() + 5 * 86_400_000);
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { partnership: { slug: "philippines" }, year: 2021, quarter: 2 } });
    await db.reportingPeriod.update({ where: { id: period.id }, data: { dueOn: due } });
    await db.submission.deleteMany({ where: { periodId: period.id, organizationId: iacat } });
    const queued = await writeReminders();
    await queueMails(queued);
    expect(queued.length).toBeGreaterThan(0);
    expect(await writeReminders()).toEqual([]); // a second run (or a second worker) writes nothing new
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received).toEqual([]); // nothing sends while no worker runs

    await start();
    await settled();
    const reminders = smtp.received.filter((m) => m.subject.includes("report for 2021Q2 is due on"));
    expect(reminders.map((m) => m.to).sort()).toEqual([[encoder.email], [otherEncoder.email]].sort());
    expect(smtp.received).toHaveLength(queued.length);
  });

  it("queues, on the next sweep, a mail whose queueing was lost", async () => {
    const [mail] = await db.$transaction(async (tx) => {
      const { notify } = await import("../../lib/data/notifications");
      return notify(tx, { kind: "DUE", key: "test:lost-queueing", userIds: [encoder.id], title: "A lost one", body: "Sent by the sweep.", link: "/dashboard" });
    });
    await db.mailMessage.update({ where: { id: mail! }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await worker!.boss.send("mail-sweep", {});
    await settled();
    expect(smtp.to(encoder.email).map((m) => m.subject)).toEqual(["Compact Tracker: A lost one"]);
  });
});

describe("the demo's desk", () => {
  it("reminds the demo encoder of the overdue quarters and tells the demo reviewer of the quarter waiting", async () => {
    await worker?.stop();
    worker = null;
    await emptyTables(url);
    await seedDatabase(db, { demoWork: true });
    await seedDemoUsers(db);
    await seedDemoWork(db);
    await writeReminders();
    const actor = async (email: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { email }, include: { partnerships: true } });
      return { ...user, partnershipIds: user.partnerships.map((p) => p.partnershipId) };
    };
    const encoderList = await listNotifications(await actor("encoder@demo.local"));
    expect(encoderList.items.map((n) => n.title).sort()).toEqual(["IACAT's report for 2020Q3 is overdue", "IACAT's report for 2020Q4 is overdue"]);
    const reviewerList = await listNotifications(await actor("reviewer@demo.local"));
    expect(reviewerList.items.map((n) => n.title)).toEqual(["IACAT's report for 2021Q1 is waiting for your review"]);
    expect(reviewerList.unread).toBe(1);
  });
});
