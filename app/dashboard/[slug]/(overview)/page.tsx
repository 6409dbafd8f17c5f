import type { Metadata } from "next";
import Link from "next/link";
import { FundingCharts, FundingHeadlines } from "@/components/dashboard/funding-section";
import { FiltersForm } from "@/components/dashboard/filters-form";
import { ReportingGrid, reportingSummary } from "@/components/dashboard/reporting-grid";
import { ChosenIndicatorChart, PercentOfTargetPanel, ResultsTable } from "@/components/dashboard/results-section";
import { OnDemandDetails } from "@/components/ui/on-demand-details";
import { requireSignedIn } from "@/lib/auth/session";
import { addressShowing, shownSections } from "@/lib/dashboard-sections";
import { getPartnershipDashboard } from "@/lib/data/partnership-dashboard";
import { formatDate, statusLabel } from "@/lib/format";
import { readForPage } from "@/lib/page-errors";
import { formatQuarter, parseQuarter, quarterRange, yearRunsWithSameList } from "@/lib/periods";
import { parseDashboardFilters } from "@/lib/validation/dashboard-filters";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Partnership overview" };

export default async function PartnershipOverviewPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const filters = parseDashboardFilters(query);
  const path = `/dashboard/${slug}`;
  // Each organization's tables repeat rows of the results table, and the funding statements and
  // the reporting grid are long and below the fold: each is sent only when asked for.
  const shown = shownSections(query.show);
  const actor = await requireSignedIn(path);
  const view = await readForPage(() => getPartnershipDashboard(actor, slug, filters), path);
  const { partnership } = view;
  const quarters = quarterRange(parseQuarter(partnership.firstQuarter)!, parseQuarter(partnership.lastQuarter)!).map(formatQuarter);
  const years = [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
  const hasData = view.funding.totals.length > 0 || view.indicators.length > 0;
  const organizations = view.partners.filter((p) => !filters.partner || p.id === filters.partner);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/dashboard">Partnerships</Link> / {partnership.country}
        </p>
        <h1 className="text-3xl font-bold">{partnership.name}</h1>
        <p>
          {formatDate(partnership.signedOn)} – {partnership.endsOn ? formatDate(partnership.endsOn) : "ongoing"} ({partnership.firstQuarter}–
          {partnership.lastQuarter}) · {statusLabel[partnership.status]}
        </p>
        <p className="text-sm">
          <Link href={`/dashboard/${slug}/targets`}>Targets by year and quarter</Link> ·{" "}
          <Link href={`/dashboard/${slug}/releases`}>Public releases beside these live figures</Link> ·{" "}
          <Link href={`/partnerships/${slug}`}>The public summary</Link>
        </p>
      </header>

      <FiltersForm
        action={path}
        filters={filters}
        quarters={quarters}
        objectives={partnership.objectives}
        partners={view.partners}
        indicators={view.indicators.map((i) => ({ code: i.code, name: i.name }))}
        shown={[...shown]}
      />

      {!hasData ? (
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          This partnership has no funding, indicators or reports recorded yet.
        </p>
      ) : (
        <>
          <section aria-labelledby="money-heading" className="space-y-4">
            <h2 id="money-heading" className="text-2xl font-bold">
              Funding in {filters.currency}: committed and delivered
            </h2>
            <FundingHeadlines
              funding={view.funding}
              currency={filters.currency}
              statements={{ shown: shown.has("statements"), href: addressShowing(path, query, "statements") }}
            />
            <FundingCharts funding={view.funding} currency={filters.currency} slug={partnership.slug} />
          </section>

          <section aria-labelledby="results-heading" className="space-y-4">
            <h2 id="results-heading" className="text-2xl font-bold">
              Results over the life of the partnership
            </h2>
            <ResultsTable indicators={view.indicators} slug={partnership.slug} caption="Each indicator's result to date against its target" />
            {view.chosen ? <ChosenIndicatorChart chosen={view.chosen} slug={partnership.slug} /> : null}
            {view.objectiveForPercent ? (
              <PercentOfTargetPanel objective={view.objectiveForPercent} indicators={view.percentOfTarget} slug={partnership.slug} />
            ) : null}
          </section>

          {view.annualTargets.indicators > 0 ? (
            <section aria-labelledby="annual-targets-heading" className="space-y-2">
              <h2 id="annual-targets-heading" className="text-2xl font-bold">
                Indicators without an annual target
              </h2>
              {view.annualTargets.missing.length === 0 ? (
                <p>Every indicator has a target for every year of the partnership.</p>
              ) : (
                <ul className="space-y-1">
                  {yearRunsWithSameList(
                    years,
                    (year) => view.annualTargets.missing.filter((m) => m.year === year),
                    (m) => m.code,
                  ).map(({ label, items: missing }) => {
                    return (
                      <li key={label}>
                        <span className="font-semibold">{label}:</span>{" "}
                        {missing.length === 0
                          ? "every indicator has a target."
                          : missing.map((m, i) => (
                              <span key={m.code}>
                                {i > 0 ? ", " : null}
                                <Link href={`/dashboard/${slug}/targets#indicator-${m.code}`}>
                                  {m.code}
                                  <span className="sr-only"> {m.name}</span>
                                </Link>
                              </span>
                            ))}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ) : null}

          <section aria-labelledby="partners-heading" className="space-y-4">
            <h2 id="partners-heading" className="text-2xl font-bold">
              By implementing organization
            </h2>
            <OnDemandDetails
              section="organizations"
              summary={`Each organization's indicators and results (${organizations.length} ${organizations.length === 1 ? "table" : "tables"})`}
              href={addressShowing(path, query, "organizations")}
              anchor="partners-heading"
              loaded={shown.has("organizations")}
            >
              {shown.has("organizations")
                ? organizations.map((p) => (
                    <div key={p.id} className="mt-2 space-y-2">
                      <h3 className="text-xl font-bold">{p.name}</h3>
                      <ResultsTable
                        indicators={view.indicators.filter((i) => i.responsibleId === p.id)}
                        slug={partnership.slug}
                        caption={`${p.name}'s indicators and results`}
                      />
                    </div>
                  ))
                : null}
            </OnDemandDetails>
          </section>

          <section aria-labelledby="reporting-heading" className="space-y-4">
            <h2 id="reporting-heading" className="text-2xl font-bold">
              Reporting status
            </h2>
            {view.grid.length === 0 ? (
              <ReportingGrid cells={view.grid} slug={partnership.slug} />
            ) : (
              <OnDemandDetails
                section="reporting"
                summary={`Each quarter's reports by organization (${reportingSummary(view.grid)})`}
                href={addressShowing(path, query, "reporting")}
                anchor="reporting-heading"
                loaded={shown.has("reporting")}
                noun="grid"
              >
                {shown.has("reporting") ? <ReportingGrid cells={view.grid} slug={partnership.slug} /> : null}
              </OnDemandDetails>
            )}
          </section>
        </>
      )}
    </div>
  );
}
