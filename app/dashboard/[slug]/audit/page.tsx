import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit-log";
import { formatDateTime } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";

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
            <option value="Submission">Submissions</option>
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
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Recorded changes, newest first (times in UTC)</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">
                When (UTC)
              </th>
              <th scope="col" className="py-1 pr-3">
                Who
              </th>
              <th scope="col" className="py-1 pr-3">
                What
              </th>
              <th scope="col" className="py-1 pr-3">
                Quarter
              </th>
              <th scope="col" className="py-1">
                Before and after
              </th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id} className="border-b border-rule align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {formatDateTime(r.occurredAt)}
                </th>
                <td className="py-1 pr-3">{r.actor ?? "System"}</td>
                <td className="py-1 pr-3">{r.action}</td>
                <td className="py-1 pr-3">{r.quarter ?? "—"}</td>
                <td className="py-1">
                  <details>
                    <summary className="cursor-pointer text-primary underline">Show</summary>
                    <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify({ before: r.before, after: r.after }, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
