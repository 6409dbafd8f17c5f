import type { Metadata } from "next";
import Link from "next/link";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { listDashboardPartnerships } from "@/lib/data/dashboard";
import { getWorkQueue } from "@/lib/data/work-queue";
import { WorkQueueSection } from "@/components/dashboard/work-queue";
import { formatDate, statusLabel, submissionStatusLabel } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const actor = await requireSignedIn("/dashboard");
  const today = new Date().toISOString().slice(0, 10);
  const [partnerships, queue] = await Promise.all([listDashboardPartnerships(actor), getWorkQueue(actor, today)]);
  return (
    <div className="space-y-8">
      <WorkQueueSection queue={queue} today={today} />
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">Your partnerships</h1>
        {partnerships.length === 0 ? (
          <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
            You are not assigned to any partnership yet. Ask an administrator to add you to the partnerships you work on.
          </p>
        ) : (
          <DataTable
            caption="Partnerships you can see, with their period, status, funding, targets met and latest reporting"
            columns={[
              { key: "partnership", label: "Partnership" },
              { key: "period", label: "Period" },
              { key: "status", label: "Status" },
              { key: "committed", label: "Committed (USD)", numeric: true },
              { key: "delivered", label: "Delivered (USD)", numeric: true },
              { key: "targets", label: "Targets met" },
              { key: "latest", label: "Latest quarter" },
            ]}
            rowKey={(_row, index) => partnerships[index]!.slug}
            rows={partnerships.map((p) => ({
              partnership: (
                <>
                  <Link href={`/dashboard/${p.slug}`} className="font-semibold">
                    {p.name}
                  </Link>
                  {p.illustrative ? (
                    <div>
                      <IllustrativeBadge what="Includes illustrative data" />
                    </div>
                  ) : null}
                </>
              ),
              period: `${formatDate(p.signedOn)} – ${p.endsOn ? formatDate(p.endsOn) : "ongoing"}`,
              status: statusLabel[p.status],
              committed: formatMoney(p.committedUsd, "USD"),
              delivered: formatMoney(p.deliveredUsd, "USD"),
              targets: p.targetsSet === 0 ? "No targets set" : `${p.targetsMet} of ${p.targetsSet}`,
              latest:
                p.latestQuarter === null || p.latestQuarter.statuses.length === 0 ? (
                  "No reporting yet"
                ) : (
                  <>
                    <Link href={`/dashboard/${p.slug}/reports/${p.latestQuarter.quarter}`}>{p.latestQuarter.quarter}</Link>:{" "}
                    {p.latestQuarter.statuses.map((s) => `${s.organization} ${submissionStatusLabel[s.state].toLowerCase()}`).join(", ")}
                  </>
                ),
            }))}
          />
        )}
        {partnerships.length > 0 ? (
          <ul className="flex flex-wrap gap-x-4 text-sm" aria-label="Each partnership's pages">
            {partnerships.map((p) => (
              <li key={p.slug}>
                {p.name}: <Link href={`/dashboard/${p.slug}/reports`}>quarters due</Link>
                {p.canAudit ? (
                  <>
                    {" · "}
                    <Link href={`/dashboard/${p.slug}/audit`}>audit log</Link>
                  </>
                ) : null}
                {" · "}
                <Link href={`/dashboard/${p.slug}#results-heading`}>objectives</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
