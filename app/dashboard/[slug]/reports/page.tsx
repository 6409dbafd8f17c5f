import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";
import { getReportingOverview } from "@/lib/data/reporting-overview";
import { formatDate, submissionStatusLabel } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";
import { parseQuarter, reportDueOn } from "@/lib/periods";

export const metadata: Metadata = { title: "Quarterly reporting" };

function whatIsDue(status: string, quarter: string, today: string): string {
  if (status === "APPROVED") return "Done";
  if (status === "SUBMITTED") return "Waiting for review";
  const due = reportDueOn(parseQuarter(quarter)!);
  return due < today ? `Overdue since ${formatDate(due)}` : `Due by ${formatDate(due)}`;
}

export default async function ReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/reports`;
  const actor = await requireSignedIn(path);
  const overview = await readForPage(() => getReportingOverview(actor, slug), path);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}`}>{overview.partnership.name}</Link>
      </p>
      <h1 className="text-3xl font-bold">Quarterly reporting</h1>
      {overview.cells.length === 0 ? (
        <p role="status" className="bg-base-lightest p-3">No organization reports on this partnership yet.</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Each quarter and reporting organization, with its status and what is due</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-1 pr-3">Quarter</th>
              <th scope="col" className="py-1 pr-3">Organization</th>
              <th scope="col" className="py-1 pr-3">Status</th>
              <th scope="col" className="py-1">What is due</th>
            </tr>
          </thead>
          <tbody>
            {overview.cells.map((c) => (
              <tr key={`${c.quarter}-${c.organizationId}`} className="border-b border-rule">
                <th scope="row" className="py-1 pr-3">
                  <Link href={`/dashboard/${slug}/reports/${c.quarter}`}>{c.quarter}</Link>
                </th>
                <td className="py-1 pr-3">{c.organization}</td>
                <td className="py-1 pr-3">{submissionStatusLabel[c.status]}</td>
                <td className="py-1">{whatIsDue(c.status, c.quarter, today)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
