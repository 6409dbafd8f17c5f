import { toCsv } from "./csv";
import { type PublicRelease, type PublicSource } from "./releases/content";

// The open-data CSV: one row per published figure of one release, the same figures its page
// shows. Columns are documented in docs/OPEN-DATA.md.
export const OPEN_DATA_COLUMNS = [
  "release",
  "release_date",
  "section",
  "item",
  "party_or_indicator",
  "quarter",
  "unit",
  "value",
  "currency",
  "qualifier",
  "stated_equivalent",
  "stated_equivalent_currency",
  "exchange_rate_php_per_usd",
  "rate_date",
  "rate_source",
  "illustrative",
  "source",
  "source_url",
] as const;

type Column = (typeof OPEN_DATA_COLUMNS)[number];
type Row = Partial<Record<Column, string | boolean | null>>;

const citation = (s: PublicSource | null) => (s ? `${s.title}, ${s.publisher}${s.publishedOn ? `, ${s.publishedOn}` : ""}` : null);

export function summaryToCsv({ release, summary }: PublicRelease): string {
  const rows: Row[] = [];
  for (const r of summary.headlineResults) {
    rows.push({
      section: "result",
      item: r.label,
      party_or_indicator: r.organization,
      unit: "count",
      value: r.value,
      qualifier: r.qualifier,
      source: citation(r.source),
      source_url: r.source.url,
    });
  }
  for (const s of summary.funding.statements) {
    rows.push({
      section: s.countsInTotals ? "funding_statement" : "funding_statement_not_reconciled",
      item: s.label,
      party_or_indicator: s.party,
      unit: "money",
      value: s.amount,
      currency: s.currency,
      qualifier: s.approximate ? "about or up to" : "exact",
      stated_equivalent: s.statedEquivalent,
      stated_equivalent_currency: s.statedEquivalentCurrency,
      exchange_rate_php_per_usd: s.exchangeRate,
      rate_date: s.rateDate,
      rate_source: s.rateSource,
      source: citation(s.source),
      source_url: s.source?.url ?? null,
    });
  }
  for (const q of summary.funding.quarters) {
    const common = { party_or_indicator: q.party, quarter: q.quarter, unit: "money", currency: "USD" };
    rows.push({ ...common, section: "pledged_to_date", item: "Pledged to date", value: q.cumulativePledged, illustrative: false });
    rows.push({ ...common, section: "delivered_to_date", item: "Delivered to date", value: q.cumulativeDelivered, illustrative: q.illustrative });
  }
  for (const r of summary.results) {
    const unit = r.unit === "PERCENT" ? "percent" : "count";
    rows.push({
      section: "indicator_to_date",
      item: r.name,
      party_or_indicator: r.code,
      unit,
      value: r.total,
      qualifier: r.totalRounded ? "rounded to the nearest 10" : r.totalWithheld ? `withheld: ${r.totalWithheld}` : "exact",
      illustrative: r.totalIllustrative,
    });
    for (const q of r.quarters) {
      if (q.value !== null)
        rows.push({
          section: "indicator_quarter",
          item: r.name,
          party_or_indicator: r.code,
          quarter: q.quarter,
          unit,
          value: q.value,
          qualifier: "exact",
          illustrative: q.illustrative,
        });
    }
  }
  return toCsv(
    [...OPEN_DATA_COLUMNS],
    rows.map((row) =>
      OPEN_DATA_COLUMNS.map((column) => {
        if (column === "release") return String(release.number);
        if (column === "release_date") return release.publishedAt;
        const v = row[column];
        return typeof v === "boolean" ? (v ? "true" : "false") : (v ?? null);
      }),
    ),
  );
}
