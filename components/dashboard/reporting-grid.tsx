import Link from "next/link";
import type { ReportingCell } from "@/lib/data/results";
import { submissionStatusLabel } from "@/lib/format";

const statusStyle: Record<ReportingCell["status"], string> = {
  NOT_STARTED: "bg-white text-muted",
  DRAFT: "bg-[#f0f0f0]",
  SUBMITTED: "bg-[#d9e8f6]",
  RETURNED: "bg-[#f4e3db]",
  APPROVED: "bg-[#ecf3ec]",
};

/** Quarter × organization: each cell says its status in words (colour only repeats it). */
export function ReportingGrid({ cells, slug }: { cells: ReportingCell[]; slug: string }) {
  const organizations = [...new Map(cells.map((c) => [c.organizationId, c.organization])).entries()];
  const quarters = [...new Set(cells.map((c) => c.quarter))];
  if (quarters.length === 0)
    return (
      <p role="status" className="bg-base-lightest p-3">
        No reporting quarters in the chosen period.
      </p>
    );
  const cell = new Map(cells.map((c) => [`${c.quarter}/${c.organizationId}`, c]));
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-left text-sm">
        <caption className="sr-only">Reporting status by quarter and organization</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-1 pr-4">
              Quarter
            </th>
            {organizations.map(([id, name]) => (
              <th key={id} scope="col" className="py-1 pr-4">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q} className="border-b border-rule">
              <th scope="row" className="py-1 pr-4">
                <Link href={`/dashboard/${slug}/reports/${q}`}>{q}</Link>
              </th>
              {organizations.map(([id]) => {
                const found = cell.get(`${q}/${id}`);
                return (
                  <td key={id} className={`px-2 py-1 ${statusStyle[found?.status ?? "NOT_STARTED"]}`}>
                    {submissionStatusLabel[found?.state ?? "NOT_STARTED"]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
