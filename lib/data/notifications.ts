import "server-only";
// Notifications and the mail that carries them (docs/NOTIFICATIONS.md). An event's data function
// calls notify() inside its own transaction, so a notification exists exactly when its event
// does; the mails it writes are queued after the commit (queueMails). The job queue's handlers
// (lib/data/mail-worker.ts) send them, make the digests and the reminders.
import { requirePermission } from "../auth/guard";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { composeDigest, composeNotice, type ComposedMail } from "../notifications/compose";
import type { ReportRef } from "../notifications/events";
import { CHOOSABLE_KINDS, modeFor, type MailMode, type NotificationKind } from "../notifications/kinds";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import type { Tx } from "./prisma";

export interface NotificationEvent {
  kind: NotificationKind;
  /** Names the event; the same key for the same user makes no second notification. */
  key: string;
  userIds: string[];
  title: string;
  /** No figure about child victims: the link leads to them. */
  body: string;
  link: string;
}

/** The app's address, for links in mail (the launcher sets NEXTAUTH_URL for the server and the worker). */
export const appUrl = () => process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/**
 * Writes the event's notifications for its users who are not disabled (once per user and key),
 * and a mail for each user who wants this kind at once. Returns the mails to queue after commit.
 */
export async function notify(tx: Tx, event: NotificationEvent): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(event.userIds)] }, disabled: false },
    select: { id: true, email: true, mailPreferences: { where: { kind: event.kind }, select: { kind: true, mode: true } } },
  });
  const mails: string[] = [];
  for (const user of users) {
    const mode = modeFor(event.kind, Object.fromEntries(user.mailPreferences.map((p) => [p.kind, p.mode])));
    const [made] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Notification" (id, "userId", kind, key, title, body, link, "mailMode")
      VALUES (gen_random_uuid()::text, ${user.id}, ${event.kind}::"NotificationKind", ${event.key}, ${event.title}, ${event.body}, ${event.link}, ${mode}::"MailMode")
      ON CONFLICT ("userId", key) DO NOTHING
      RETURNING id`;
    if (!made || mode !== "IMMEDIATE") continue;
    const mail = await writeMail(tx, { key: `notification:${made.id}`, userId: user.id, to: user.email }, composeNotice(appUrl(), event));
    await tx.notification.update({ where: { id: made.id }, data: { mailId: mail } });
    mails.push(mail);
  }
  return mails;
}

async function writeMail(tx: Tx, head: { key: string; userId: string; to: string }, mail: ComposedMail): Promise<string> {
  const row = await tx.mailMessage.create({ data: { ...head, ...mail }, select: { id: true } });
  return row.id;
}

// ---- Who hears about what --------------------------------------------------------------------

/** The partnership's reviewers (TIP Office), who review its quarters. */
export async function reviewersOf(tx: Tx, partnershipId: string): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { role: "REVIEWER", partnerships: { some: { partnershipId } } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Those who entered a report: whoever saved or submitted it (the audit log says who). */
export async function reportersOf(tx: Tx, submissionId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT "actorId" AS id FROM "AuditEvent"
    WHERE "entityType" = 'Submission' AND "entityId" = ${submissionId} AND action IN ('submission.save', 'submission.submit') AND "actorId" IS NOT NULL
    UNION SELECT "submittedById" FROM "Submission" WHERE id = ${submissionId} AND "submittedById" IS NOT NULL`;
  return rows.map((r) => r.id);
}

// ---- A user's own list -------------------------------------------------------------------------

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
  mailMode: MailMode;
  mailStatus: "PENDING" | "SENT" | "KEPT" | "FAILED" | null;
}

const PAGE = 50;

export async function listNotifications(actor: Actor | null): Promise<{ items: NotificationRow[]; unread: number; total: number }> {
  const me = requirePermission(actor, "account.manage");
  const db = getDb();
  const [rows, unread, total] = await Promise.all([
    db.notification.findMany({
      where: { userId: me.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: PAGE,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true, mailMode: true, mail: { select: { status: true } } },
    }),
    db.notification.count({ where: { userId: me.id, readAt: null } }),
    db.notification.count({ where: { userId: me.id } }),
  ]);
  return {
    unread,
    total,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
      mailMode: r.mailMode,
      mailStatus: r.mail?.status ?? null,
    })),
  };
}

/** The header's count; 0 for anyone without an account page (nobody, today). */
export async function unreadCount(actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  return getDb().notification.count({ where: { userId: actor.id, readAt: null } });
}

/** Marks one of the actor's own notifications read and returns where it leads. */
export async function openNotification(actor: Actor | null, id: string): Promise<string> {
  const me = requirePermission(actor, "account.manage");
  const db = getDb();
  const found = await db.notification.findFirst({ where: { id, userId: me.id }, select: { link: true } });
  if (!found) throw new AppError("NOT_FOUND", "That notification is not yours or no longer exists. Reload the list.");
  await db.notification.updateMany({ where: { id, userId: me.id, readAt: null }, data: { readAt: new Date() } });
  return found.link;
}

export async function markAllRead(actor: Actor | null): Promise<number> {
  const me = requirePermission(actor, "account.manage");
  const { count } = await getDb().notification.updateMany({ where: { userId: me.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}

export async function getMailPreferences(actor: Actor | null): Promise<Record<NotificationKind, MailMode>> {
  const me = requirePermission(actor, "account.manage");
  const rows = await getDb().mailPreference.findMany({ where: { userId: me.id } });
  const chosen = Object.fromEntries(rows.map((r) => [r.kind, r.mode])) as Partial<Record<NotificationKind, MailMode>>;
  return Object.fromEntries([...CHOOSABLE_KINDS, "ACCOUNT" as const].map((kind) => [kind, modeFor(kind, chosen)])) as Record<NotificationKind, MailMode>;
}

/** Saves the actor's choice for every kind they may choose; audited like other account changes. */
export async function saveMailPreferences(actor: Actor | null, choices: Partial<Record<NotificationKind, MailMode>>): Promise<void> {
  const me = requirePermission(actor, "account.manage");
  const kinds = CHOOSABLE_KINDS.filter((kind) => choices[kind]);
  await getDb().$transaction(async (tx) => {
    for (const kind of kinds) {
      await tx.mailPreference.upsert({
        where: { userId_kind: { userId: me.id, kind } },
        create: { userId: me.id, kind, mode: choices[kind]! },
        update: { mode: choices[kind]! },
      });
    }
    await recordAudit(tx, me, {
      action: "user.mail_preferences",
      entityType: "User",
      entityId: me.id,
      after: Object.fromEntries(kinds.map((k) => [k, choices[k]])),
    });
  });
}

// ---- The outbox administrators read ------------------------------------------------------------

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: "PENDING" | "SENT" | "KEPT" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export async function listOutbox(actor: Actor | null): Promise<{ items: OutboxRow[]; total: number; smtp: boolean }> {
  requirePermission(actor, "user.manage");
  const db = getDb();
  const [rows, total] = await Promise.all([db.mailMessage.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: PAGE }), db.mailMessage.count()]);
  return {
    total,
    smtp: Boolean(process.env.SMTP_URL),
    items: rows.map((r) => ({
      id: r.id,
      to: r.to,
      subject: r.subject,
      text: r.text,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
  };
}

// ---- Digests -------------------------------------------------------------------------------------

/** "2026-12-02" in Manila, where the digest goes out at 07:00. */
export const manilaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * One mail per user for the notifications they take in the digest that no mail has carried yet.
 * Once a day per user (the mail's key holds the day), so a second run on the same day writes
 * nothing. Returns the mails to queue.
 */
export async function writeDigests(now: Date = new Date()): Promise<string[]> {
  const db = getDb();
  const day = manilaDay(now);
  const waiting = await db.notification.findMany({
    where: { mailMode: "DIGEST", mailId: null, createdAt: { lte: now }, user: { disabled: false } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, title: true, body: true, link: true, user: { select: { email: true } } },
  });
  const byUser = new Map<string, typeof waiting>();
  for (const n of waiting) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  const mails: string[] = [];
  for (const [userId, notices] of byUser) {
    const id = await db.$transaction(async (tx) => {
      const key = `digest:${userId}:${day}`;
      if (await tx.mailMessage.findUnique({ where: { key }, select: { id: true } })) return null;
      const mail = await writeMail(tx, { key, userId, to: notices[0]!.user.email }, composeDigest(appUrl(), day, notices));
      await tx.notification.updateMany({ where: { id: { in: notices.map((n) => n.id) }, mailId: null }, data: { mailId: mail } });
      return mail;
    });
    if (id) mails.push(id);
  }
  return mails;
}

/** Mails still waiting to be queued: their event committed, and queueing them failed or never ran. */
export async function pendingMails(olderThanSeconds: number): Promise<string[]> {
  const rows = await getDb().mailMessage.findMany({
    where: { status: "PENDING", createdAt: { lte: new Date(Date.now() - olderThanSeconds * 1000) } },
    select: { id: true },
    take: 500,
  });
  return rows.map((r) => r.id);
}

// ---- Sending one mail ------------------------------------------------------------------------------

export interface MailTransport {
  sendMail(message: { to: string; subject: string; text: string; html: string; messageId: string }): Promise<unknown>;
}

/**
 * Sends one mail that is still PENDING; any other status means it was settled already (sent, kept
 * or given up), so a job run twice sends nothing twice. With no transport (no SMTP_URL) the mail
 * is kept in the outbox. A failure is recorded and thrown, for the queue to retry; `lastTry`
 * marks it FAILED instead.
 */
export async function deliverMail(mailId: string, transport: MailTransport | null, lastTry: boolean): Promise<"SENT" | "KEPT" | "SETTLED"> {
  const db = getDb();
  const mail = await db.mailMessage.findUnique({ where: { id: mailId } });
  if (!mail || mail.status !== "PENDING") return "SETTLED";
  if (!transport) {
    await db.mailMessage.updateMany({ where: { id: mailId, status: "PENDING" }, data: { status: "KEPT" } });
    return "KEPT";
  }
  try {
    await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@compact-tracker>` });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.mailMessage.update({
      where: { id: mailId },
      data: { attempts: { increment: 1 }, lastError: message.slice(0, 500), ...(lastTry ? { status: "FAILED" } : {}) },
    });
    throw error;
  }
  await db.mailMessage.update({ where: { id: mailId }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
  return "SENT";
}

/** What an event's words need to name a report. */
export async function reportRef(tx: Tx, submissionId: string): Promise<ReportRef> {
  const s = await tx.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: {
      partnership: { select: { slug: true, name: true } },
      organization: { select: { shortName: true } },
      period: { select: { year: true, quarter: true } },
    },
  });
  return {
    submissionId,
    slug: s.partnership.slug,
    partnership: s.partnership.name,
    organization: s.organization.shortName,
    quarter: `${s.period.year}Q${s.period.quarter}`,
  };
}
