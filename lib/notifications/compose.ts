// The e-mails the app sends, as plain text and HTML: one per notification, or a day's digest.
// Every link is absolute (the app's address, NEXTAUTH_URL); no body carries a figure.

export interface MailNotice {
  title: string;
  body: string;
  /** A path in the app, "/dashboard/…". */
  link: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const FOOTER = "You receive this because of your role in Compact Tracker. Choose which e-mails you get under Notifications.";

export function absoluteLink(appUrl: string, link: string): string {
  return new URL(link, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

function paragraphs(body: string): string {
  return body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export function composeNotice(appUrl: string, notice: MailNotice): ComposedMail {
  const url = absoluteLink(appUrl, notice.link);
  return {
    subject: `Compact Tracker: ${notice.title}`,
    text: `${notice.body}\n\nOpen it: ${url}\n\n-- \n${FOOTER}\n${absoluteLink(appUrl, "/dashboard/notifications")}\n`,
    html:
      `<h1 style="font-size:18px">${escapeHtml(notice.title)}</h1>${paragraphs(notice.body)}` +
      `<p><a href="${escapeHtml(url)}">Open it in Compact Tracker</a></p>` +
      `<hr><p style="font-size:12px">${escapeHtml(FOOTER)} <a href="${escapeHtml(absoluteLink(appUrl, "/dashboard/notifications"))}">Notifications</a></p>`,
  };
}

/** One mail for a day's notices, oldest first. */
export function composeDigest(appUrl: string, day: string, notices: MailNotice[]): ComposedMail {
  const count = `${notices.length} ${notices.length === 1 ? "notification" : "notifications"}`;
  const items = notices.map((n) => ({ ...n, url: absoluteLink(appUrl, n.link) }));
  return {
    subject: `Compact Tracker: your daily digest for ${day} (${count})`,
    text:
      `Your daily digest for ${day}: ${count}.\n\n` +
      items.map((n) => `* ${n.title}\n  ${n.body.replace(/\n+/g, " ")}\n  ${n.url}`).join("\n\n") +
      `\n\n-- \n${FOOTER}\n${absoluteLink(appUrl, "/dashboard/notifications")}\n`,
    html:
      `<h1 style="font-size:18px">Your daily digest for ${escapeHtml(day)}: ${count}</h1><ul>` +
      items.map((n) => `<li><p><a href="${escapeHtml(n.url)}">${escapeHtml(n.title)}</a></p>${paragraphs(n.body)}</li>`).join("") +
      `</ul><hr><p style="font-size:12px">${escapeHtml(FOOTER)}</p>`,
  };
}
