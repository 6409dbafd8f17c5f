import type { PublicSummary } from "./data/public-summary";
import { toCsv } from "./csv";

// The open-data CSV: one row per published figure, the same figures the summary page shows.
// Columns are documented in docs/OPEN-DATA.md.
export const OPEN_DATA_COLUMNS = ["section", "item", "party_or_indicator", "quarter", "currency", "value", "qualifier", "illustrative", "source"] as const;

export function summaryToCsv(summary: PublicSummary): string {
  const rows: (string | boolean | null)[][] = [];
  for (const r of summary.headlineResults) {
    rows.push([
      "result",
      r.label,
      r.organization,
      null,
      null,
      r.value,
      r.qualifier,
      false,
      `${r.source.title}, ${r.source.publisher}${r.source.publishedOn ? `, ${r.source.publishedOn}` : ""}`,
    ]);
  }
  for (const s of summary.funding.statements) {
    rows.push([
      "funding_statement",
      s.label,
      s.party,
      null,
      s.currency,
      s.amount,
      s.approximate ? "about or up to" : "exact",
      false,
      s.source ? `${s.source.title}, ${s.source.publisher}` : null,
    ]);
  }
  for (const q of summary.funding.quarters) {
    rows.push(["pledged_to_date", "Pledged to date", q.party, q.quarter, "USD", q.cumulativePledged, null, false, null]);
    rows.push(["delivered_to_date", "Delivered to date", q.party, q.quarter, "USD", q.cumulativeDelivered, null, q.illustrative, null]);
  }
  for (const r of summary.results) {
    rows.push(["indicator_to_date", r.name, r.code, null, null, r.total, null, r.illustrative, null]);
    for (const q of r.quarters) if (q.value !== null) rows.push(["indicator_quarter", r.name, r.code, q.quarter, null, q.value, null, r.illustrative, null]);
  }
  return toCsv(
    [...OPEN_DATA_COLUMNS],
    rows.map((row) => row.map((v) => (typeof v === "boolean" ? (v ? "true" : "false") : v))),
  );
}
