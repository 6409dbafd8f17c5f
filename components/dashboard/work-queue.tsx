import Link from "next/link";
import type { WorkQueue } from "@/lib/data/work-queue";
import { dueText, formatDateTime, submissionStatusLabel } from "@/lib/format";

/** What is waiting for the signed-in user: reports to review, or their organization's reports due. */
export function WorkQueueSection({ queue, today }: { queue: WorkQueue; today: string }) {
  if (queue.kind === null) return null;
  const heading = queue.kind === "review" ? "Waiting for review" : "Your organization's reports due";
  return (
    <section aria-labelledby="work-heading" className="space-y-2">
      <h2 id="work-heading" className="text-2xl font-bold">
        {heading} ({queue.total})
      </h2>
      {queue.items.length === 0 ? (
        <p role="status" className="bg-base-lightest p-3">
          {queue.kind === "review" ? "No report is waiting for review." : "Nothing is due: every ended quarter's report is submitted."}
        </p>
      ) : (
        <ol className="space-y-2">
          {queue.items.map((item) => (
            <li key={`${item.slug}/${item.quarter}/${item.organization}`} className="border-l-4 border-primary bg-base-lightest px-3 py-2">
              <Link href={`/dashboard/${item.slug}/reports/${item.quarter}`} className="font-semibold">
                {item.organization}&apos;s report for {item.quarter}
              </Link>{" "}
              <span className="text-sm">
                ({item.partnership}): {submissionStatusLabel[item.state]}
                {queue.kind === "review"
                  ? item.submittedAt
                    ? `, submitted ${formatDateTime(item.submittedAt)}${item.submittedByYou ? " by you: another reviewer must review it" : ""}`
                    : ""
                  : `, ${dueText(item.dueOn, today)}`}
              </span>
              {item.returnReason ? <p className="text-sm">Reason given: {item.returnReason}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {queue.total > queue.items.length ? (
        <p className="text-sm">The {queue.items.length} most pressing are listed; each partnership&apos;s quarter reports list the rest.</p>
      ) : null}
    </section>
  );
}
