import Link from "next/link";
import type { ReportingCell } from "@/lib/data/results";
import { submissionStatusLabel, type ReportState } from "@/lib/format";

/**
 * The grid in one sentence, for the overview before the grid is asked for: how many reports are
 * in each state, in the order of submissionStatusLabel ("12 not started, 2 submitted, 40 approved").
 */
export function reportingSummary(cells: ReportingCell[]): string {
  const quarters = new Set(cells.map((c) => c.quarter)).size;
  const organizations = new Set(cells.map((c) => c.organizationId)).size;
  const counts = new Map<ReportState, number>();
  for (const c of cells) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  const states = (Object.keys(submissionStatusLabel) as ReportState[])
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state)} ${submissionStatusLabel[state].toLowerCase()}`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(quarters, "quarter")} × ${plural(organizations, "organization")}: ${states.join(", ")}`;
}

/**
 * Quarter × organization: each cell says its status in words (colour only repeats it). Cell
 * styles are in app/globals.css (.reporting-grid), one class for the table, not one per cell.
 */
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
      <table className="reporting-grid">
        <caption className="sr-only">Reporting status by quarter and organization</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            {organizations.map(([id, name]) => (
              <th key={id} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q}>
              <th scope="row">
                <Link href={`/dashboard/${slug}/reports/${q}`}>{q}</Link>
              </th>
              {organizations.map(([id], i) => {
                const found = cell.get(`${q}/${id}`);
                return (
                  // The column's place is its key: an id on every cell only made the page heavier.
                  <td key={i} data-status={found?.status ?? "NOT_STARTED"}>
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
