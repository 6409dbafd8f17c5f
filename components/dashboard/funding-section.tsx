import { ChartPanel } from "@/components/charts/chart-panel";
import { FundingChart } from "@/components/charts/lazy-charts";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import type { PartnershipDashboard } from "@/lib/data/partnership-dashboard";
import { formatDate } from "@/lib/format";
import { formatMoney, type CurrencyCode } from "@/lib/money";

const kindLabel: Record<string, string> = {
  CEILING: "Ceiling",
  PLEDGE: "Pledge",
  AWARD: "Award",
  OBLIGATION: "Obligation",
  COMMITMENT: "Commitment",
  IN_KIND: "In kind",
};

/** Headline money: each party's latest commitment with its history, and what it delivered. */
export function FundingHeadlines({ funding, currency }: { funding: PartnershipDashboard["funding"]; currency: CurrencyCode }) {
  if (funding.totals.length === 0) {
    return (
      <p role="status" className="bg-base-lightest p-3">
        No funding has been recorded for this partnership.
      </p>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {funding.totals.map((t) => {
        const statements = funding.statements.filter((s) => s.party === t.party);
        return (
          <div key={t.partyId} className="space-y-2 border border-rule p-4" data-party={t.party}>
            <h3 className="text-lg font-bold">{t.party}</h3>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt>Committed</dt>
              <dd className="font-semibold tabular-nums" data-testid={`committed-${t.party}`}>
                {formatMoney(t.committed, currency)}
              </dd>
              <dt>Delivered</dt>
              <dd className="tabular-nums" data-testid={`delivered-${t.party}`}>
                {formatMoney(t.delivered, currency)} {t.deliveredIllustrative ? <IllustrativeBadge /> : null}
              </dd>
            </dl>
            {statements.length > 0 ? (
              <details>
                <summary className="cursor-pointer text-primary underline">How the record stated it ({statements.length} statements)</summary>
                <ol className="mt-2 space-y-2 text-sm">
                  {statements.map((s) => (
                    <li key={s.id} className={`border-l-4 pl-2 ${s.latest ? "border-primary" : "border-rule"}`}>
                      <strong>{formatDate(s.statedOn)}</strong>: {kindLabel[s.kind] ?? s.kind}, {s.approximate ? "about or up to " : ""}
                      {formatMoney(s.amount, s.currency)}
                      {s.statedEquivalent && s.statedEquivalentCurrency ? ` (stated as ${formatMoney(s.statedEquivalent, s.statedEquivalentCurrency)})` : ""}
                      {" — "}
                      {s.label}. {s.latest ? "Latest statement: counts in totals." : "Earlier statement."}
                      <br />
                      Rate {s.exchangeRate} PHP per USD of {formatDate(s.rateDate)}: {s.rateSource}.
                      {s.source ? (
                        <>
                          <br />
                          Source: {s.source.title}, {s.source.publisher}
                          {s.source.publishedOn ? `, ${formatDate(s.source.publishedOn)}` : ""}.
                        </>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** Pledged against delivered by quarter: one chart per party. */
export function FundingCharts({ funding, currency, slug }: { funding: PartnershipDashboard["funding"]; currency: CurrencyCode; slug: string }) {
  const parties = [...new Set(funding.quarters.map((r) => r.party))];
  if (parties.length === 0) {
    return (
      <p role="status" className="bg-base-lightest p-3">
        No funding in the chosen period.
      </p>
    );
  }
  const columns = [
    { key: "quarter", label: "Quarter" },
    { key: "pledged", label: `Pledged in quarter (${currency})`, numeric: true },
    { key: "delivered", label: `Delivered in quarter (${currency})`, numeric: true },
    { key: "cumulativePledged", label: `Pledged to date (${currency})`, numeric: true },
    { key: "cumulativeDelivered", label: `Delivered to date (${currency})`, numeric: true },
  ];
  return (
    <div className="space-y-4">
      {parties.map((party) => {
        const rows = funding.quarters.filter((r) => r.party === party);
        return (
          <ChartPanel
            key={party}
            id={`funding-${party.replace(/\W+/g, "-")}`}
            title={`${party}: pledged and delivered by quarter, in ${currency}`}
            description={`Bars show what ${party} pledged and delivered in each quarter; lines show the totals to date, on the right-hand axis.`}
            illustrative={rows.some((r) => r.illustrative)}
            columns={columns}
            rows={rows.map((r) => ({
              quarter: r.quarter,
              pledged: formatMoney(r.pledged, currency),
              delivered: formatMoney(r.delivered, currency),
              cumulativePledged: formatMoney(r.cumulativePledged, currency),
              cumulativeDelivered: formatMoney(r.cumulativeDelivered, currency),
            }))}
            filename={`${slug}-funding-${party.replace(/\W+/g, "-").toLowerCase()}-${currency}.csv`}
            note={`Converted at the exchange rate stated with each commitment or delivery (PHP per USD, with its date and source), never today's rate. A figure the record restated counts in the quarter it was first stated, and each restatement adds its difference in its own quarter.`}
          >
            <FundingChart
              currency={currency}
              data={rows.map((r) => ({
                quarter: r.quarter,
                pledged: Number(r.pledged),
                delivered: Number(r.delivered),
                cumulativePledged: Number(r.cumulativePledged),
                cumulativeDelivered: Number(r.cumulativeDelivered),
              }))}
            />
          </ChartPanel>
        );
      })}
    </div>
  );
}
