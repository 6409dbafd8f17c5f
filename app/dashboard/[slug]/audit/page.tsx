import type { Metadata } from "next";
import Link from "next/link";
import type { Change } from "@/lib/audit/changes";
import { auditQueryString } from "@/lib/audit/filters";
import { requireSignedIn } from "@/lib/auth/session";
import { CSV_ROWS, listAuditEvents, PAGE_ROWS } from "@/lib/data/audit-log";
import { formatDateTime } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What was typed, shown back in the form (a wrong value stays there to be corrected). */
const typed = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").slice(0, 254);

/** A select's options, keeping a chosen value that the list does not hold (so it stays chosen). */
const withChosen = (options: { value: string; label: string }[], chosen: string) =>
  chosen === "" || options.some((o) => o.value === chosen) ? options : [...options, { value: chosen, label: chosen }];

function ChangeList({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <span className="text-muted">No details recorded</span>;
  return (
    <ul className="min-w-48 max-w-md space-y-1 wrap-anywhere text-sm">
      {changes.map((c, i) => (
        // Relative, so that the hidden words stay inside the table's scrolling frame (an absolute
        // element placed by the page would widen it past a phone's screen).
        <li key={i} className="relative">
          <span className="font-semibold">{c.field}:</span> {c.from} <span aria-hidden="true">→</span>
          <span className="sr-only">changed to</span> {c.to}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const path = `/dashboard/${slug}/audit`;
  const actor = await requireSignedIn(path);
  const log = await readForPage(() => listAuditEvents(actor, slug, query), path);
  const chosenUser = typed(query.user).trim().toLowerCase();
  const chosenEvent = typed(query.event).trim();
  const download = `/api/partnerships/${slug}/audit/export${auditQueryString(log.filters)}`;
  const field = "mt-1 block w-full rounded border border-ink p-1 sm:w-auto";
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}`}>{log.partnership.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p>
        Every change to this partnership&apos;s quarterly reports, contributions and comments, newest first.
        {log.withUserEvents ? " As an administrator you also see user-management events and sign-ins of the users assigned to it." : null}
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3 border border-rule bg-base-lightest p-3" aria-label="Filter the audit log">
        <label className="w-full text-sm font-semibold sm:w-auto">
          Quarter
          <input name="quarter" defaultValue={typed(query.quarter)} placeholder="2019Q3" size={8} className={field} />
        </label>
        <label className="w-full text-sm font-semibold sm:w-auto">
          Indicator code
          <input name="indicator" defaultValue={typed(query.indicator)} placeholder="O1.1" size={8} className={field} />
        </label>
        <label className="w-full text-sm font-semibold sm:w-auto">
          User
          <select name="user" defaultValue={chosenUser} className={field}>
            <option value="">Everyone</option>
            {withChosen(
              log.users.map((u) => ({ value: u, label: u })),
              chosenUser,
            ).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="w-full text-sm font-semibold sm:w-auto">
          Event
          <select name="event" defaultValue={chosenEvent} className={field}>
            <option value="">All events</option>
            {withChosen(
              log.events.map((e) => ({ value: e.action, label: e.label })),
              chosenEvent,
            ).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-primary px-4 py-1.5 font-semibold text-white">
          Apply
        </button>
        <Link href={path} className="py-1.5">
          Clear filters
        </Link>
      </form>
      {log.problems.length > 0 ? (
        <div role="alert" className="border-l-4 border-[#b50909] bg-[#f4e3db] p-3">
          <p className="font-semibold">These filters need correcting before events are listed:</p>
          <ul className="list-disc pl-6">
            {log.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : log.rows.length === 0 ? (
        <p role="status" className="bg-base-lightest p-3">
          No events match these filters.
        </p>
      ) : (
        <>
          <p role="status">
            {log.total === 1 ? "1 event matches" : `${log.total} events match`}
            {log.total > log.rows.length
              ? `; the newest ${PAGE_ROWS} are shown here, and the download holds ${log.total > CSV_ROWS ? `the newest ${CSV_ROWS}` : "them all"}`
              : ""}
            . <a href={download}>Download these events (CSV)</a>
          </p>
          <DataTable
            caption="Audit events, newest first (times in UTC)"
            columns={[
              { key: "when", label: "When (UTC)" },
              { key: "who", label: "User" },
              { key: "organization", label: "Organization" },
              { key: "role", label: "Role (current)" },
              { key: "event", label: "Event" },
              { key: "quarter", label: "Quarter" },
              { key: "changes", label: "Changes (field: before → after)" },
            ]}
            rowKey={(row) => String(row.id)}
            rows={log.rows.map((r) => ({
              id: r.id,
              when: formatDateTime(r.occurredAt),
              who: r.actor ?? <span className="text-muted">No signed-in user</span>,
              organization: r.organization,
              role: r.currentRole,
              event: (
                <>
                  {r.event}
                  {r.subject ? <span className="block text-sm text-muted">about {r.subject}</span> : null}
                </>
              ),
              quarter: r.quarter ? <Link href={`/dashboard/${slug}/reports/${r.quarter}`}>{r.quarter}</Link> : null,
              changes: <ChangeList changes={r.changes} />,
            }))}
          />
        </>
      )}
    </div>
  );
}
