import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { SvgColumns } from "@/components/charts/svg-columns";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { getPublicSummary } from "@/lib/data/public-summary";
import { formatDate, partyRoleLabel, statusLabel } from "@/lib/format";
import { formatMoney, type CurrencyCode } from "@/lib/money";

type Params = Promise<{ slug: string }>;

// Incremental static regeneration: each summary is rendered on its first request (the build needs
// no database), then served from Next's route cache until approving or reopening a quarter
// revalidates the "public-summary" tag its data carries, or an hour passes.
export const revalidate = 3600;
export const generateStaticParams = async (): Promise<{ slug: string }[]> => [];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  return { title: `${slug.charAt(0).toUpperCase()}${slug.slice(1)} partnership summary` };
}

export default async function PartnershipSummaryPage({ params }: { params: Params }) {
  const { slug } = await params;
  const summary = await getPublicSummary(slug);
  if (!summary) notFound();
  const { partnership: p, funding } = summary;
  const parties = [...new Set(funding.quarters.map((q) => q.party))];
  const quarters = [...new Set(funding.quarters.map((q) => q.quarter))];
  const byParty = (party: string, key: "cumulativePledged" | "cumulativeDelivered") =>
    quarters.map((q) => Number(funding.quarters.find((r) => r.quarter === q && r.party === party)?.[key] ?? 0));
  const allParties = (key: "cumulativePledged" | "cumulativeDelivered") =>
    quarters.map((_, i) => parties.reduce((sum, party) => sum + (byParty(party, key)[i] ?? 0), 0));
  const fundingIllustrative = funding.quarters.some((q) => q.illustrative);

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
          {statusLabel[p.status as keyof typeof statusLabel]}
        </p>
        <p className="max-w-3xl">{p.summary}</p>
        {p.regions.length > 0 ? <p>Where: {p.regions.join("; ")}.</p> : null}
        <p className="text-sm">
          Open data: <a href={`/api/public/partnerships/${p.slug}/summary.json`}>summary.json</a> ·{" "}
          <a href={`/api/public/partnerships/${p.slug}/summary.csv`}>summary.csv</a>
        </p>
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

      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="text-2xl font-bold">
          Results over the life of the partnership
        </h2>
        {summary.headlineResults.length === 0 ? (
          <p>No results have been published yet.</p>
        ) : (
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
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-primary underline">Source</summary>
                  <p>
                    {r.source.title}, {r.source.publisher}
                    {r.source.publishedOn ? `, ${formatDate(r.source.publishedOn)}` : ""}.
                    {r.source.url ? (
                      <>
                        {" "}
                        <a href={r.source.url}>Link</a>.
                      </>
                    ) : null}
                    {r.source.note ? ` ${r.source.note}` : ""}
                  </p>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="funding-heading" className="space-y-3">
        <h2 id="funding-heading" className="text-2xl font-bold">
          Funding pledged by each party
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {funding.totals.USD.map((t) => {
            const php = funding.totals.PHP.find((x) => x.partyId === t.partyId);
            const history = funding.statements.filter((s) => s.party === t.party);
            return (
              <div key={t.partyId} className="border border-rule p-4" data-party={t.party}>
                <h3 className="text-lg font-bold">{t.party}</h3>
                <p className="tabular-nums">
                  {formatMoney(t.committed, "USD")} · {php ? formatMoney(php.committed, "PHP") : ""}
                </p>
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-primary underline">Earlier statements and sources</summary>
                  <ol className="space-y-1">
                    {history.map((s) => (
                      <li key={s.id}>
                        {formatDate(s.statedOn)}: {s.approximate ? "about or up to " : ""}
                        {formatMoney(s.amount, s.currency as CurrencyCode)}
                        {s.statedEquivalent && s.statedEquivalentCurrency ? ` (${formatMoney(s.statedEquivalent, s.statedEquivalentCurrency)})` : ""} —{" "}
                        {s.label}
                        {s.source ? `. Source: ${s.source.title}, ${s.source.publisher}` : ""}
                        {s.latest ? " (latest)" : ""}.
                      </li>
                    ))}
                  </ol>
                </details>
              </div>
            );
          })}
        </div>
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
          <details>
            <summary className="cursor-pointer text-primary underline">Show the data table</summary>
            <DataTable
              caption="Funding pledged and delivered to date by quarter and party, in USD"
              columns={[
                { key: "quarter", label: "Quarter" },
                { key: "party", label: "Party" },
                { key: "pledged", label: "Pledged to date (USD)", numeric: true },
                { key: "delivered", label: "Delivered to date (USD)", numeric: true },
              ]}
              rows={funding.quarters.map((q) => ({
                quarter: q.quarter,
                party: q.party,
                pledged: formatMoney(q.cumulativePledged, "USD"),
                delivered: formatMoney(q.cumulativeDelivered, "USD"),
              }))}
            />
          </details>
          <figcaption className="text-sm text-muted">
            Converted at the rate stated with each figure, not today&apos;s rate. {summary.illustrativeNote}
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="quarters-heading" className="space-y-3">
        <h2 id="quarters-heading" className="text-2xl font-bold">
          Results by quarter (approved quarters only)
        </h2>
        <p className="text-sm">
          Counts of child victims and survivors from 1 to 9 are shown as &lt;10, and a second figure is hidden where a total would reveal one.
        </p>
        {summary.results.length === 0 ? (
          <p>No quarterly results have been approved yet.</p>
        ) : (
          <DataTable
            caption="Approved results by indicator and quarter"
            columns={[
              { key: "indicator", label: "Indicator" },
              { key: "total", label: "To date", numeric: true },
              ...summary.results[0]!.quarters.map((q) => ({ key: q.quarter, label: q.quarter, numeric: true })),
            ]}
            rows={summary.results.map((r) => ({
              indicator: `${r.code} ${r.name}${r.illustrative ? " (illustrative by quarter)" : ""}`,
              total: r.total === null ? null : r.unit === "PERCENT" ? `${r.total}%` : r.total,
              ...Object.fromEntries(r.quarters.map((q) => [q.quarter, q.value])),
            }))}
          />
        )}
      </section>

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
              {m.source ? <span className="text-sm text-muted"> (source: {m.source})</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
