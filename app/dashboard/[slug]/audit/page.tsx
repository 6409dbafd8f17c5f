import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit-log";
import { formatDateTime } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Audit log" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length > 0 && v.length < 200 ? v : undefined);

export default async function AuditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const filters = { quarter: one(query.quarter), user: one(query.user), entity: one(query.entity) };
  const path = `/dashboard/${slug}/audit`;
  const actor = await requireSignedIn(path);
  const log = await readForPage(() => listAuditEvents(actor, slug, filters), path);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}`}>{log.partnership.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 border border-rule bg-base-lightest p-3" aria-label="Filter the audit log">
        <label className="text-sm font-semibold">
          Quarter
          <input name="quarter" defaultValue={filters.quarter ?? ""} placeholder="2019Q3" size={8} className="mt-1 block rounded border border-ink p-1" />
        </label>
        <label className="text-sm font-semibold">
          User
          <select name="user" defaultValue={filters.user ?? ""} className="mt-1 block rounded border border-ink p-1">
            <option value="">Everyone</option>
            {log.users.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Entity
          <select name="entity" defaultValue={filters.entity ?? ""} className="mt-1 block rounded border border-ink p-1">
            <option value="">All</option>
            <option value="Submission">Quarter reports</option>
            <option value="Comment">Comments</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-primary px-4 py-1.5 font-semibold text-white">
          Apply
        </button>
      </form>
      {log.rows.length === 0 ? (
        <p role="status" className="bg-base-lightest p-3">
          No changes recorded for these filters.
        </p>
      ) : (
        <DataTable
          caption="Recorded changes, newest first (times in UTC)"
          columns={[
            { key: "when", label: "When (UTC)" },
            { key: "who", label: "Who" },
            { key: "what", label: "What" },
            { key: "quarter", label: "Quarter" },
            { key: "change", label: "Before and after" },
          ]}
          rowKey={(row) => String(row.id)}
          rows={log.rows.map((r) => ({
            id: r.id,
            when: formatDateTime(r.occurredAt),
            who: r.actor ?? "System",
            what: r.action,
            quarter: r.quarter,
            change: (
              <details>
                <summary className="cursor-pointer text-primary underline">Show</summary>
                <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify({ before: r.before, after: r.after }, null, 2)}</pre>
              </details>
            ),
          }))}
        />
      )}
    </div>
  );
}
