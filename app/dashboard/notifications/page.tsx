import type { Metadata } from "next";
import { MailPreferencesForm, MarkAllReadForm, OpenNotification } from "./_forms/notification-forms";
import { requireSignedIn } from "@/lib/auth/session";
import { getMailPreferences, listNotifications, type NotificationRow } from "@/lib/data/notifications";
import { formatDate } from "@/lib/format";
import { modeLabel } from "@/lib/notifications/kinds";

export const metadata: Metadata = { title: "Notifications" };

const mailWords: Record<NonNullable<NotificationRow["mailStatus"]>, string> = {
  PENDING: "e-mail being sent",
  SENT: "e-mailed",
  KEPT: "e-mail kept in the outbox (no mail server)",
  FAILED: "e-mail could not be sent",
};

function mailNote(n: NotificationRow): string {
  if (n.mailMode === "OFF") return "no e-mail (your choice)";
  if (n.mailStatus) return mailWords[n.mailStatus];
  return n.mailMode === "DIGEST" ? "in the next daily digest" : modeLabel[n.mailMode];
}

const when = (iso: string) => `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;

export default async function NotificationsPage() {
  const actor = await requireSignedIn("/dashboard/notifications", { allowWithoutTwoStep: true });
  const [list, preferences] = await Promise.all([listNotifications(actor), getMailPreferences(actor)]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Notifications</h1>
      <section aria-labelledby="list-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="list-heading" className="text-2xl font-bold">
            {list.unread === 0 ? "Nothing unread" : `${list.unread} unread`}
          </h2>
          {list.unread > 0 ? <MarkAllReadForm /> : null}
        </div>
        {list.items.length === 0 ? (
          <p>
            Nothing yet. You will find here the quarters due and overdue for your organization, reports submitted, returned, approved or reopened, and dialogue
            packs ready, as they happen.
          </p>
        ) : (
          <>
            <ul className="divide-y divide-rule border-y border-rule">
              {list.items.map((n) => (
                <li key={n.id} className={`space-y-1 py-3 ${n.read ? "" : "border-l-4 border-primary pl-3"}`}>
                  <OpenNotification id={n.id} title={n.title} link={n.link} read={n.read} />
                  <p className="whitespace-pre-line text-sm">{n.body}</p>
                  <p className="text-sm text-muted">
                    {when(n.createdAt)} · {n.read ? "read" : "unread"} · {mailNote(n)}
                  </p>
                </li>
              ))}
            </ul>
            {list.total > list.items.length ? (
              <p className="text-sm">
                Showing the latest {list.items.length} of {list.total}.
              </p>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="mail-heading" className="space-y-3">
        <h2 id="mail-heading" className="text-2xl font-bold">
          What reaches you by e-mail
        </h2>
        <p>
          Everything is listed here. For each kind, choose whether it also comes by e-mail at once, in one daily digest (07:00 Manila time), or not at all.
          E-mails name the report and link to it; they never carry figures.
        </p>
        <MailPreferencesForm current={preferences} />
      </section>
    </div>
  );
}
