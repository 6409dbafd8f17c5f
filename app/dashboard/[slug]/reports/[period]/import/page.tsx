import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "../_forms/import-form";
import { scopeOf } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/auth/session";
import { getQuarterReport } from "@/lib/data/reports";
import { forbidPage, readForPage } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Import a quarter" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string; period: string }> }) {
  const { slug, period } = await params;
  const path = `/dashboard/${slug}/reports/${period}/import`;
  const actor = await requireSignedIn(path);
  const report = await readForPage(() => getQuarterReport(actor, slug, period), path);
  const editable = report.organizations.filter((o) => o.canEdit).map((o) => ({ id: o.organizationId, name: o.organization, version: o.version }));
  if (scopeOf(actor.role, "submission.edit") === null) await forbidPage(path);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        <Link href={`/dashboard/${slug}/reports/${report.period}`}>Reports for {report.period}</Link>
      </p>
      <h1 className="text-3xl font-bold">Import values for {report.period} from CSV</h1>
      <p>
        Use the columns of the export (<a href={`/api/partnerships/${slug}/reports/${report.period}/export`}>download this quarter as CSV</a>):
        organization, indicator_code, cell (total, or a breakdown such as SEX=F), value, note, evidence_url. Checking the file saves
        nothing; applying saves every row in one go, or none.
      </p>
      {editable.length === 0 ? (
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          None of your organization&apos;s submissions for {report.period} can be changed now: they are submitted, approved or locked.
        </p>
      ) : (
        <ImportForm
          endpoint={`/api/partnerships/${slug}/reports/${report.period}/import`}
          quarterPage={`/dashboard/${slug}/reports/${report.period}`}
          organizations={editable}
        />
      )}
    </div>
  );
}
