import Link from "next/link";
import { SvgColumns } from "@/components/charts/svg-columns";
import { DataTable } from "@/components/ui/data-table";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { formatDate, formatDateTime, partyRoleLabel, statusLabel } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { shownTotal, type PublicRelease, type PublicSource } from "@/lib/releases/content";
import { ReleaseBanner } from "./release-banner";
import { SourceCitation } from "./source-citation";

/** A partnership's public summary as one release states it: the page at /partnerships/[slug] and each /releases/[number]. */
export function ReleaseView({ release: { release, summary } }: { release: PublicRelease }) {
  const { partnership: p, funding } = summary;
  const parties = [...new Set(funding.quarters.map((q) => q.party))];
  const quarters = [...new Set(funding.quarters.map((q) => q.quarter))];
  const allParties = (key: "cumulativePledged" | "cumulativeDelivered") =>
    quarters.map((quarter) => funding.quarters.filter((r) => r.quarter === quarter).reduce((sum, r) => sum + Number(r[key]), 0));
  const counted = funding.statements.filter((s) => s.countsInTotals);
  const notReconciled = funding.statements.filter((s) => !s.countsInTotals);
  const hasFunding = funding.totals.USD.length > 0 || funding.statements.length > 0;
  const fundingIllustrative = funding.quarters.some((q) => q.illustrative);
  const quarterly = summary.results.filter((r) => !r.sensitive);
  const sensitive = summary.results.filter((r) => r.sensitive);
  const hasApprovedFigures = summary.results.some((r) => r.total !== null || r.totalWithheld !== null);
  const sources = uniqueSources([
    ...p.sources,
    ...summary.headlineResults.map((r) => r.source),
    ...funding.statements.flatMap((s) => (s.source ? [s.source] : [])),
    ...summary.milestones.flatMap((m) => (m.source ? [m.source] : [])),
  ]);

  return (
    <article className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/">All CPC Partnerships</Link>
        </p>
        <h1 className="text-3xl font-bold">{p.name}</h1>
        {p.formalTitle ? <p className="italic">{p.formalTitle}</p> : null}
        <p>
          Signed {formatDate(p.signedOn)}; {p.endsOn ? `${p.status === "CONCLUDED" ? "concluded" : "ends"} ${formatDate(p.endsOn)}` : (p.termNote ?? "")} ·{" "}
          {statusLabel[p.status]}
          {p.usFundingStatement ? ` · U.S. funding as stated: ${p.usFundingStatement}` : ""}
        </p>
        <p className="max-w-3xl">{p.summary}</p>
        {p.regions.length > 0 ? <p>Where: {p.regions.join("; ")}.</p> : null}
        <ReleaseBanner release={release} slug={p.slug} />
      </header>

      <section aria-labelledby="parties-heading" className="space-y-2">
        <h2 id="parties-heading" className="text-2xl font-bold">
          Parties and implementing partners
        </h2>
        <ul>
          {summary.parties.map((party) => (
            <li key={`${party.role}-${party.name}`}>
              {party.name} <span className="text-muted">({partyRoleLabel[party.role as keyof typeof partyRoleLabel]})</span>
            </li>
          ))}
        </ul>
      </section>

      {summary.headlineResults.length > 0 ? (
        <section aria-labelledby="results-heading" className="space-y-3">
          <h2 id="results-heading" className="text-2xl font-bold">
            Results over the life of the partnership, as published
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {summary.headlineResults.map((r) => (
              <li key={r.label} className="border border-rule p-4">
                <p className="text-3xl font-bold tabular-nums">
                  {r.qualifier === "more than" ? "More than " : ""}
                  {r.value}
                </p>
                <p>
                  {r.label}
                  {r.organization ? ` (with ${r.organization})` : ""}
                </p>
                <p className="mt-2 text-sm">
                  Source: <SourceCitation source={r.source} />
                  {r.note ? ` ${r.note}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {hasFunding ? (
        <section aria-labelledby="funding-heading" className="space-y-3">
          <h2 id="funding-heading" className="text-2xl font-bold">
            Funding pledged by each party
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {funding.totals.USD.map((t) => {
              const php = funding.totals.PHP.find((x) => x.party === t.party);
              return (
                <div key={t.party} className="border border-rule p-4" data-party={t.party}>
                  <h3 className="text-lg font-bold">{t.party}</h3>
                  <p className="tabular-nums">
                    {formatMoney(t.committed, "USD")} · {php ? formatMoney(php.committed, "PHP") : ""}
                  </p>
                  <p className="text-sm text-muted">The latest statement of each figure, each converted at the rate stated with it.</p>
                  <h4 className="mt-2 font-semibold">Statements and sources</h4>
                  <ol className="space-y-1 text-sm">
                    {counted
                      .filter((s) => s.party === t.party)
                      .map((s) => (
                        <li key={`${s.statedOn}-${s.label}`}>
                          {formatDate(s.statedOn)}: {s.approximate ? "about or up to " : ""}
                          {formatMoney(s.amount, s.currency)}
                          {s.statedEquivalent && s.statedEquivalentCurrency
                            ? ` (${formatMoney(s.statedEquivalent, s.statedEquivalentCurrency)} as stated)`
                            : ""}{" "}
                          — {s.label}; rate PHP {s.exchangeRate} per USD of {formatDate(s.rateDate)}
                          {s.latest ? " (latest)" : ""}.{" "}
                          {s.source ? (
                            <>
                              Source: <SourceCitation source={s.source} />
                            </>
                          ) : null}
                        </li>
                      ))}
                  </ol>
                </div>
              );
            })}
          </div>
          {notReconciled.length > 0 ? (
            <div className="border-l-4 border-accent-warm p-4">
              <h3 className="text-lg font-bold">Statements that do not reconcile</h3>
              <ul className="space-y-1">
                {notReconciled.map((s) => (
                  <li key={`${s.statedOn}-${s.label}`}>
                    {formatDate(s.statedOn)}: {formatMoney(s.amount, s.currency)} — {s.label}. {s.note}{" "}
                    {s.source ? (
                      <>
                        Source: <SourceCitation source={s.source} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {quarters.length > 0 && funding.quarters.length > 0 ? (
            <figure className="space-y-2">
              <h3 className="text-xl font-bold">
                Pledged and delivered to date, all parties, in USD {fundingIllustrative ? <IllustrativeBadge what="Delivered is illustrative" /> : null}
              </h3>
              <SvgColumns
                labels={quarters}
                unit="USD "
                title="Funding pledged and delivered to date, in USD, by quarter"
                description="Solid columns: pledged to date. Outlined columns: delivered to date. The table below gives every figure."
                series={[
                  { name: "Pledged to date (USD)", color: "#005ea2", values: allParties("cumulativePledged") },
                  { name: "Delivered to date (USD)", color: "#8b3a00", outline: true, values: allParties("cumulativeDelivered") },
                ]}
              />
              <DataTable
                caption="Funding pledged and delivered to date by quarter and party, in USD"
                columns={[
                  { key: "quarter", label: "Quarter" },
                  ...parties.flatMap((party) => [
                    { key: `${party}:pledged`, label: `${party}: pledged to date (USD)`, numeric: true },
                    { key: `${party}:delivered`, label: `${party}: delivered to date (USD)`, numeric: true },
                  ]),
                ]}
                rows={quarters.map((quarter) => ({
                  quarter,
                  ...Object.fromEntries(
                    funding.quarters
                      .filter((q) => q.quarter === quarter)
                      .flatMap((q) => [
                        [`${q.party}:pledged`, formatMoney(q.cumulativePledged, "USD")],
                        [`${q.party}:delivered`, `${formatMoney(q.cumulativeDelivered, "USD")}${q.illustrative ? "*" : ""}`],
                      ]),
                  ),
                }))}
              />
              <figcaption className="text-sm text-muted">
                * illustrative. Converted at the rate stated with each figure, not today&apos;s rate. {summary.illustrativeNote}
              </figcaption>
            </figure>
          ) : null}
        </section>
      ) : null}

      {hasApprovedFigures ? (
        <section aria-labelledby="quarters-heading" className="space-y-3">
          <h2 id="quarters-heading" className="text-2xl font-bold">
            Results by quarter (approved reports only)
          </h2>
          {quarterly.length > 0 ? (
            <DataTable
              caption="Approved results by indicator and quarter"
              columns={[
                { key: "indicator", label: "Indicator" },
                { key: "unit", label: "Unit" },
                { key: "total", label: "To date", numeric: true },
                ...quarterly[0]!.quarters.map((q) => ({ key: q.quarter, label: q.quarter, numeric: true })),
              ]}
              rows={quarterly.map((r) => ({
                indicator: `${r.code} ${r.name}${r.totalIllustrative ? " (illustrative)" : ""}`,
                unit: r.unit === "PERCENT" ? "percent" : "count",
                total: shownTotal(r),
                ...Object.fromEntries(
                  r.quarters.map((q) => [q.quarter, q.value === null ? null : `${q.value}${r.unit === "PERCENT" ? "%" : ""}${q.illustrative ? "*" : ""}`]),
                ),
              }))}
            />
          ) : null}
          <p className="text-sm">* illustrative: generated for demonstration. — no approved report for that quarter.</p>
          {sensitive.length > 0 ? (
            <>
              <h3 className="text-xl font-bold">Children identified and supported: totals only</h3>
              <p className="max-w-3xl text-sm">{summary.disclosure.rule}</p>
              <DataTable
                caption="Counts of child victims and survivors, to date, rounded"
                columns={[
                  { key: "indicator", label: "Indicator" },
                  { key: "total", label: "To date (rounded to the nearest 10)", numeric: true },
                  { key: "quarters", label: "Approved quarters counted", numeric: true },
                ]}
                rows={sensitive.map((r) => ({
                  indicator: `${r.code} ${r.name}${r.totalIllustrative ? " (illustrative)" : ""}`,
                  total: r.totalWithheld ? `withheld: ${r.totalWithheld}` : (shownTotal(r) ?? "no approved report yet"),
                  quarters: String(r.counted.length),
                }))}
              />
            </>
          ) : null}
        </section>
      ) : null}

      {summary.objectives.length > 0 ? (
        <section aria-labelledby="objectives-heading" className="space-y-2">
          <h2 id="objectives-heading" className="text-2xl font-bold">
            Objectives
          </h2>
          <ol className="list-decimal space-y-1 pl-6">
            {summary.objectives.map((o) => (
              <li key={o.code}>
                {o.title}
                {o.description ? `: ${o.description}` : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {summary.milestones.length > 0 ? (
        <section aria-labelledby="timeline-heading" className="space-y-2">
          <h2 id="timeline-heading" className="text-2xl font-bold">
            Timeline
          </h2>
          <ol className="space-y-1">
            {summary.milestones.map((m) => (
              <li key={`${m.on}-${m.title}`}>
                <strong>
                  {m.precision === "month"
                    ? new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(m.on))
                    : formatDate(m.on)}
                </strong>
                : {m.title}
                {m.source ? (
                  <span className="text-sm text-muted">
                    {" "}
                    (source: <SourceCitation source={m.source} />)
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="sources-heading" className="space-y-2">
        <h2 id="sources-heading" className="text-2xl font-bold">
          Sources
        </h2>
        {sources.length === 0 ? (
          <p>No published source is recorded for this partnership yet.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {sources.map((s) => (
              <li key={`${s.title}-${s.url ?? ""}`}>
                <SourceCitation source={s} />
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-muted">
          Release {release.number}, {formatDateTime(release.publishedAt)}. Disclosure control: {summary.disclosure.method} (version {summary.disclosure.version}
          ).
        </p>
      </section>
    </article>
  );
}

function uniqueSources(sources: PublicSource[]): PublicSource[] {
  const seen = new Map<string, PublicSource>();
  for (const s of sources) if (!seen.has(`${s.title}|${s.url}`)) seen.set(`${s.title}|${s.url}`, s);
  return [...seen.values()];
}
