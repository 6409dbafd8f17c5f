import type { Metadata } from "next";
import Link from "next/link";
import { ContributionForm, RemoveContributionForm } from "./_forms/contribution-forms";
import { EntryForm } from "./_forms/entry-form";
import { ChangeList, NarrativeList, ReviewTable } from "./_review/review-table";
import { ReviewForm } from "./_forms/review-form";
import { CommentForm, ReopenForm } from "./_forms/thread-forms";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { isLocked, LOCKED_MESSAGE } from "@/lib/data/quarter";
import { getQuarterReport } from "@/lib/data/reports";
import { formatDate, formatDateTime, formatMeasure, submissionStatusLabel } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { contributionKinds } from "@/lib/validation/contributions";
import { readForPage } from "@/lib/page-errors";
import { DataTable } from "@/components/ui/data-table";

type Params = Promise<{ slug: string; period: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { period } = await params;
  return { title: `Reporting ${period}` };
}

export default async function QuarterReportPage({ params }: { params: Params }) {
  const { slug, period } = await params;
  const path = `/dashboard/${slug}/reports/${period}`;
  const actor = await requireSignedIn(path);
  const report = await readForPage(() => getQuarterReport(actor, slug, period), path);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-muted">
          <Link href="/dashboard">Partnerships</Link> / {report.partnership.name}
        </p>
        <h1 className="text-3xl font-bold">Reports for {report.period}</h1>
        {report.locked ? <p className="mt-1">Every report for this quarter is approved and locked: only an administrator can reopen one, with a reason.</p> : null}
        <p className="mt-2 flex flex-wrap gap-4">
          <a href={`/api/partnerships/${slug}/reports/${report.period}/export`}>Download this quarter as CSV</a>
          {report.organizations.some((o) => o.canEdit) ? <Link href={`/dashboard/${slug}/reports/${report.period}/import`}>Import values from CSV</Link> : null}
          <Link href={`/dashboard/${slug}/reports`}>All quarters</Link>
          {report.canSeeHistory ? <Link href={`/dashboard/${slug}/audit?quarter=${report.period}`}>History of this quarter</Link> : null}
        </p>
      </div>

      {report.organizations.length === 0 ? (
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          No organization reports on this partnership&apos;s indicators yet.
        </p>
      ) : (
        report.organizations.map(
          ({ organization, organizationId, submission, canEdit, canReopen, canComment, version, entry, narratives, takesContributions, canRecordContributions, contributions }) => (
          <section
            key={organization}
            aria-labelledby={`org-${organization}`}
            data-submission-id={submission?.id}
            className="space-y-3 border-t border-rule pt-4"
          >
            <h2 id={`org-${organization}`} className="text-2xl font-bold">
              {organization}: {submissionStatusLabel[submission?.state ?? "NOT_STARTED"]}
            </h2>
            {isLocked(submission?.status) ? <p>{LOCKED_MESSAGE}</p> : null}
            {submission?.status === "RETURNED" && submission.returnReason ? (
              <p className="border-l-4 border-accent-warm bg-base-lightest p-3">
                <strong>{submission.state.startsWith("REOPENED") ? "Reopened" : "Returned"}:</strong> {submission.returnReason}
                {entry.some((row) => row.comments.length > 0) ? " See the comments beside the indicators below." : ""}
              </p>
            ) : null}
            {submission?.status === "SUBMITTED" && submission.resubmission ? (
              <ChangeList round={submission.resubmission.round} changes={submission.resubmission.changes} rows={entry} />
            ) : null}
            {canEdit ? (
              <EntryForm
                slug={report.partnership.slug}
                period={report.period}
                organizationId={organizationId}
                organization={organization}
                version={version}
                rows={entry}
                narratives={narratives}
              />
            ) : null}
            {takesContributions ? (
              <div className="space-y-2">
                <h3 className="font-bold">Government contributions this quarter</h3>
                {contributions.length === 0 ? (
                  <p>None recorded for this quarter.</p>
                ) : (
                  <ul className="space-y-1">
                    {contributions.map((c) => (
                      <li key={c.id}>
                        {contributionKinds[c.kind as keyof typeof contributionKinds] ?? c.kind}: {formatMoney(c.amount, c.currency)} at {c.exchangeRate} PHP per USD of{" "}
                        {formatDate(c.rateDate)} ({c.rateSource}){c.note ? `. ${c.note}` : ""}{" "}
                        {canRecordContributions ? <RemoveContributionForm contributionId={c.id} version={version} label={`${c.currency} ${c.amount}`} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
                {canRecordContributions ? <ContributionForm slug={report.partnership.slug} period={report.period} organizationId={organizationId} version={version} /> : null}
              </div>
            ) : null}
            {!submission ? (
              canEdit ? null : <p>Nothing has been entered for this quarter yet.</p>
            ) : (
              <>
                {submission.illustrative ? <IllustrativeBadge /> : null}
                <p className="text-sm text-muted">
                  {submission.submittedAt ? `Submitted ${formatDateTime(submission.submittedAt)}. ` : ""}
                  {submission.approvedAt ? `Approved ${formatDateTime(submission.approvedAt)}.` : ""}
                </p>
                {canEdit ? null : submission.measurements.length === 0 ? (
                  <p>No values entered yet.</p>
                ) : entry.some((row) => row.context !== null) ? (
                  <>
                    <NarrativeList narratives={narratives} />
                    <ReviewTable organization={organization} period={report.period} rows={entry} />
                  </>
                ) : (
                  <DataTable
                    caption={`${organization}'s values for ${report.period}`}
                    columns={[
                      { key: "indicator", label: "Indicator" },
                      { key: "cell", label: "Breakdown" },
                      { key: "value", label: "Value", numeric: true },
                    ]}
                    rows={submission.measurements.map((m) => ({
                      indicator: `${m.indicatorCode} ${m.indicatorName}`,
                      cell: m.cell === "" ? "Total" : m.cell.replaceAll(";", ", ").replaceAll("=", ": "),
                      value: formatMeasure(m.value, m.unit),
                    }))}
                  />
                )}
                {submission.comments.length > 0 ? (
                  <div>
                    <h3 className="font-bold">All comments on this report</h3>
                    <ol className="space-y-2">
                      {submission.comments.map((c, i) => (
                        <li key={i} className="border-l-4 border-rule pl-3">
                          {c.indicator ? <p className="text-sm font-semibold">On {c.indicator}</p> : null}
                          <p>{c.body}</p>
                          <p className="text-sm text-muted">
                            {c.author}, {formatDateTime(c.at)}
                          </p>
                        </li>
                      ))}
                    </ol>
                  </div>
                ) : null}
                {canComment ? (
                  <CommentForm submissionId={submission.id} organization={organization} indicators={entry.map((row) => ({ code: row.code, name: row.name }))} />
                ) : null}
                {submission.status === "SUBMITTED" && submission.canReview ? (
                  <ReviewForm submissionId={submission.id} version={submission.version} organization={organization} />
                ) : null}
                {canReopen ? <ReopenForm submissionId={submission.id} version={submission.version} organization={organization} /> : null}
              </>
            )}
          </section>
        ))
      )}
    </div>
  );
}
