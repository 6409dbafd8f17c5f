import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";
import { getReportingOverview } from "@/lib/data/reporting-overview";
import { dueText, submissionStatusLabel } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Quarter reports" };

function whatIsDue(status: string, dueOn: string | null, today: string): string {
  if (status === "APPROVED") return "Done";
  if (status === "SUBMITTED") return "Waiting for review";
  const text = dueText(dueOn, today);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default async function ReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/reports`;
  const actor = await requireSignedIn(path);
  const overview = await readForPage(() => getReportingOverview(actor, slug), path);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Quarter reports</h1>
      {overview.cells.length === 0 ? (
        <p role="status" className="bg-base-lightest p-3">No organization reports on this partnership yet.</p>
      ) : (
        <DataTable
          caption="Each quarter and reporting organization, with its status and what is due"
          columns={[
            { key: "quarter", label: "Quarter" },
            { key: "organization", label: "Organization" },
            { key: "status", label: "Status" },
            { key: "due", label: "What is due" },
          ]}
          rowKey={(_row, i) => `${overview.cells[i]!.quarter}-${overview.cells[i]!.organizationId}`}
          rows={overview.cells.map((c) => ({
            quarter: <Link href={`/dashboard/${slug}/reports/${c.quarter}`}>{c.quarter}</Link>,
            organization: c.organization,
            status: submissionStatusLabel[c.state],
            due: whatIsDue(c.status, c.dueOn, today),
          }))}
        />
      )}
    </div>
  );
}
