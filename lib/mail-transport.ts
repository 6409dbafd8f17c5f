// The mail server, when there is one: SMTP_URL (smtp://user:pass@host:587, or smtps://… for TLS
// from the start), read through nodemailer. Without it mail stays in the outbox that
// administrators read in the app. MAIL_FROM is the sender, "Compact Tracker <no-reply@…>".
import nodemailer from "nodemailer";
import type { MailTransport } from "./data/notifications";

export const DEFAULT_MAIL_FROM = "Compact Tracker <no-reply@compact-tracker.invalid>";

export function mailTransport(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const transporter = nodemailer.createTransport(url, { from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM });
  return { sendMail: (message) => transporter.sendMail(message) };
}
