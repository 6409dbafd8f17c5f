import { ChartPanel } from "@/components/charts/chart-panel";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { OnDemandDetails } from "@/components/ui/on-demand-details";
import type { PartnershipDashboard } from "@/lib/data/partnership-dashboard";
import { formatDate } from "@/lib/format";
import { chartNotes, quarterNotes, trimRate } from "@/lib/funding-notes";
import { formatMoney, type CurrencyCode } from "@/lib/money";

const kindLabel: Record<string, string> = {
  CEILING: "Ceiling",
  PLEDGE: "Pledge",
  AWARD: "Award",
  OBLIGATION: "Obligation",
  COMMITMENT: "Commitment",
  IN_KIND: "In kind",
};

/**
 * Headline money: each party's latest commitment and what it delivered; under them, the history
 * of how the record stated each figure, sent only when asked for (`statements.href` asks for it).
 */
export function FundingHeadlines({
  funding,
  currency,
  statements: history,
}: {
  funding: PartnershipDashboard["funding"];
  currency: CurrencyCode;
  statements: { shown: boolean; href: string };
}) {
  if (funding.totals.length === 0) {
    return (
      <p role="status" className="bg-base-lightest p-3">
        No funding has been recorded for this partnership.
      </p>
    );
  }
  // The parties with statements, in the order of their boxes; the summary counts what the list shows.
  const parties = funding.totals
    .map((t) => ({ party: t.party, statements: funding.statements.filter((s) => s.party === t.party) }))
    .filter((p) => p.statements.length > 0);
  const count = parties.reduce((sum, p) => sum + p.statements.length, 0);
  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        {funding.totals.map((t) => (
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
          </div>
        ))}
      </div>
      {count > 0 ? (
        <OnDemandDetails
          section="statements"
          summary={`How the record stated these figures (${count} ${count === 1 ? "statement" : "statements"}: ${parties
            .map((p) => `${p.party} ${p.statements.length}`)
            .join(", ")})`}
          href={history.href}
          anchor="money-heading"
          loaded={history.shown}
          noun="statements"
        >
          {history.shown ? (
            <>
              <p className="mt-2 text-sm">Each figure&apos;s statements are together, the latest first; the latest counts in the totals.</p>
              {parties.map((p) => (
                <div key={p.party} className="mt-2" data-statements-of={p.party}>
                  <h3 className="font-bold">{p.party}&apos;s statements</h3>
                  <ol className="mt-1 space-y-2 text-sm">
                    {p.statements.map((s) => (
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
                </div>
              ))}
            </>
          ) : null}
        </OnDemandDetails>
      ) : null}
    </div>
  );
}

/**
 * Pledged against delivered by quarter: for each party, a chart of each quarter and one of the
 * totals to date, each on its own axis, with the notes a reviewer needs under them.
 */
export function FundingCharts({ funding, currency, slug }: { funding: PartnershipDashboard["funding"]; currency: CurrencyCode; slug: string }) {
  const parties = [...new Set(funding.quarters.map((r) => r.party))];
  if (parties.length === 0) {
    return (
      <p role="status" className="bg-base-lightest p-3">
        No funding in the chosen period.
      </p>
    );
  }
  // Numbers in their own columns with the currency beside them, so the CSV is data, not text.
  const columns = [
    { key: "quarter", label: "Quarter" },
    { key: "currency", label: "Currency" },
    { key: "pledged", label: "Pledged in quarter: new money", amount: true },
    { key: "restated", label: "Restated at a new rate (not new money)", amount: true },
    { key: "delivered", label: "Delivered in quarter", amount: true },
    { key: "cumulativePledged", label: "Pledged to date", amount: true },
    { key: "cumulativeDelivered", label: "Delivered to date", amount: true },
    { key: "pledgeRate", label: "Pledge converted at (PHP per USD)", numeric: true },
    { key: "pledgeRateDate", label: "Pledge rate of" },
    { key: "deliveryRate", label: "Delivered converted at (PHP per USD)", numeric: true },
    { key: "deliveryRateDate", label: "Delivered rate of" },
    { key: "notes", label: "Notes" },
  ];
  return (
    <div className="space-y-4">
      {parties.map((party) => {
        const rows = funding.quarters.filter((r) => r.party === party);
        const notes = chartNotes(rows, currency);
        const eachQuarterNotes = rows.map((r) => quarterNotes(r, currency));
        return (
          <ChartPanel
            key={party}
            id={`funding-${party.replace(/\W+/g, "-")}`}
            title={`${party}: pledged and delivered by quarter, in ${currency}`}
            description={`Two charts in ${currency}, each on its own axis: columns show what ${party} pledged (new money, and in dark grey any change caused only by a new exchange rate) and delivered in each quarter; lines show the totals to date.`}
            illustrative={rows.some((r) => r.illustrative)}
            columns={columns}
            rows={rows.map((r) => {
              const converted = r.pledgeBasis.filter((b) => b.currency !== currency);
              return {
                quarter: r.quarter,
                currency,
                pledged: r.pledged,
                restated: r.restated,
                delivered: r.delivered,
                cumulativePledged: r.cumulativePledged,
                cumulativeDelivered: r.cumulativeDelivered,
                pledgeRate: converted.map((b) => trimRate(b.exchangeRate)).join("; "),
                pledgeRateDate: converted.map((b) => b.rateDate).join("; "),
                deliveryRate: r.deliveredConverted.map((c) => trimRate(c.exchangeRate)).join("; "),
                deliveryRateDate: r.deliveredConverted.map((c) => c.rateDate).join("; "),
                // Filled in the browser from the chart's notes, so the sentences are sent once.
                notes: null,
              };
            })}
            chart={{ kind: "funding", currency, exceeds: rows.map((r) => r.deliveredExceedsPledged), notes: eachQuarterNotes }}
            filename={`${slug}-funding-${party.replace(/\W+/g, "-").toLowerCase()}-${currency}.csv`}
            note={
              <>
                {notes.length > 0 ? (
                  <ul className="mb-2 list-disc space-y-1 pl-5 text-ink" aria-label={`Notes on ${party}'s figures`}>
                    {notes.map((n) => (
                      <li key={n.text}>
                        <strong>{n.quarters.join(", ")}</strong>: {n.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
                Each amount converts at the exchange rate stated with it (PHP per USD, with its date and source), never today&apos;s rate; the table gives each
                quarter&apos;s rate. A figure the record restated counts in the quarter it was first stated, and each restatement adds its difference in its own
                quarter: new money in the currency of the new statement, and apart from it what is only the earlier figure at the new rate.
              </>
            }
          />
        );
      })}
    </div>
  );
}
