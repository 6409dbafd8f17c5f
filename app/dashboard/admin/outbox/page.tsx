import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { listOutbox, type OutboxRow } from "@/lib/data/notifications";
import { formatDate } from "@/lib/format";
import { forbidPage } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Outbox" };

const statusWords: Record<OutboxRow["status"], string> = {
  PENDING: "Waiting to be sent",
  SENT: "Sent",
  KEPT: "Kept here (no mail server)",
  FAILED: "Could not be sent",
};

const when = (iso: string) => `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;

export default async function OutboxPage() {
  const actor = await requireSignedIn("/dashboard/admin/outbox");
  if (!can(actor, "user.manage")) await forbidPage("/dashboard/admin/outbox");
  const outbox = await listOutbox(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Outbox</h1>
      <p>
        {outbox.smtp
          ? "Every e-mail the app has sent or is sending through the mail server (SMTP_URL), newest first."
          : "No mail server is set (SMTP_URL), so the app keeps here every e-mail it would have sent, newest first. Set SMTP_URL to send them (see the README)."}
      </p>
      {outbox.items.length === 0 ? (
        <p>No e-mail yet. Submitting, returning or approving a quarter, a reminder or a new account makes one.</p>
      ) : (
        <ul className="space-y-4">
          {outbox.items.map((mail) => (
            <li key={mail.id} className="space-y-2 border border-rule p-3">
              <h2 className="text-lg font-bold break-words">{mail.subject}</h2>
              <p className="text-sm">
                To <span className="break-all">{mail.to}</span> · {when(mail.createdAt)} · <strong>{statusWords[mail.status]}</strong>
                {mail.sentAt ? ` ${when(mail.sentAt)}` : ""}
                {mail.attempts > 1 ? ` after ${mail.attempts} tries` : ""}
                {mail.lastError ? ` · last error: ${mail.lastError}` : ""}
              </p>
              <details>
                <summary className="cursor-pointer text-primary underline">Read the e-mail</summary>
                <pre className="mt-2 overflow-x-auto text-sm whitespace-pre-wrap">{mail.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {outbox.total > outbox.items.length ? (
        <p className="text-sm">
          Showing the latest {outbox.items.length} of {outbox.total}.
        </p>
      ) : null}
    </div>
  );
}
