import type { Metadata } from "next";
import Link from "next/link";
import { ApprovedNarratives } from "@/components/dashboard/narratives";
import { DataTable } from "@/components/ui/data-table";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { getDialoguePack, getDialogueRecord } from "@/lib/data/dialogues";
import { DecisionForm, MinutesForm } from "../_forms/record-forms";
import { getSustainability } from "@/lib/data/sustainability";
import { getContributionLedger } from "@/lib/data/contribution-ledger";
import { SustainabilityPlan } from "@/components/dashboard/sustainability-plans";
import { readPackBasis } from "@/lib/dialogues/basis";
import { directionText, figureText, varianceText, verdictText } from "@/lib/dialogues/format";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { readForPage } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Dialogue pack" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DialoguePackPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const path = `/dashboard/${slug}/dialogues/${id}`;
  const actor = await requireSignedIn(path);
  const basis = readPackBasis(await searchParams);
  const pack = await readForPage(() => {
    if (basis === "invalid") throw new AppError("NOT_FOUND", "Ask for a release by its number (?release=12) or for the live figures (?live=1).");
    return getDialoguePack(actor, slug, id, basis);
  }, path);
  const plans = await readForPage(() => getSustainability(actor, slug), path);
  const ledger = await readForPage(() => getContributionLedger(actor, slug), path);
  const record = await readForPage(() => getDialogueRecord(actor, slug, id), path);
  const ledgerYear = ledger.quarters.filter((q) => q.quarter.startsWith(String(pack.dialogue.year)));
  const query = pack.basis.kind === "release" ? `?release=${pack.basis.number}` : "?live=1";
  return (
    <article className="dialogue-pack space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-muted print:hidden">
          <Link href={`/dashboard/${slug}/dialogues`}>All dialogues</Link>
        </p>
        <h1 className="text-3xl font-bold">
          {pack.partnership.name}: {pack.dialogue.year} high-level dialogue pack
        </h1>
        <p>
          Held {formatDate(pack.dialogue.heldOn)} in {pack.dialogue.place}. Participants: {pack.dialogue.participants}.
        </p>
        {pack.dialogue.illustrative ? <IllustrativeBadge what="Illustrative dialogue" /> : null}
        <p role="status" className={pack.basis.kind === "live" ? "border-l-4 border-accent-warm bg-base-lightest p-3 font-semibold" : "font-semibold"}>
          {pack.basis.kind === "release"
            ? `Figures as of release ${pack.basis.number}, published ${formatDateTime(pack.basis.publishedAt)}.`
            : `Live figures of ${formatDateTime(pack.basis.at)}: approved but not yet published.`}
        </p>
        <form method="get" className="flex flex-wrap items-end gap-2 print:hidden" aria-label="Choose the figures of the pack">
          <label className="font-semibold">
            Figures as of
            <select
              name="release"
              defaultValue={pack.basis.kind === "release" ? String(pack.basis.number) : ""}
              className="mt-1 block rounded border border-ink p-1"
            >
              {pack.releases.map((r) => (
                <option key={r.number} value={r.number}>
                  Release {r.number} ({formatDate(r.publishedAt.slice(0, 10))})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-ink px-3 py-1">
            Show
          </button>
          <Link href={`${path}?live=1`}>Live figures (unpublished)</Link>
          <a href={`/api/partnerships/${slug}/dialogues/${id}/pack.pdf${query}`} className="font-semibold">
            Download this pack as PDF
          </a>
        </form>
      </header>

      <section aria-labelledby="key-indicators" className="space-y-2">
        <h2 id="key-indicators" className="text-2xl font-bold">
          Key indicators
        </h2>
        {pack.indicators.length === 0 ? (
          <p role="status">No key indicator is marked for this dialogue.</p>
        ) : (
          <DataTable
            caption={`Key indicators for ${pack.dialogue.year}: annual target, actual and variance`}
            columns={[
              { key: "indicator", label: "Indicator" },
              { key: "target", label: `Target ${pack.dialogue.year}`, numeric: true },
              { key: "actual", label: "Actual", numeric: true },
              { key: "variance", label: "Variance", numeric: true },
              { key: "verdict", label: "Against target" },
              { key: "quarters", label: "Quarters, and what stands behind each" },
              { key: "trend", label: "Each year of the partnership" },
            ]}
            rowKey={(_row, i) => pack.indicators[i]!.code}
            rows={pack.indicators.map((k) => ({
              indicator: (
                <>
                  <span className="font-semibold">{k.code}</span> {k.name}
                </>
              ),
              target: (
                <>
                  {figureText(k.target, k.unit)}
                  {k.targetIllustrative ? <span className="block text-xs text-illustrative">illustrative</span> : null}
                </>
              ),
              actual: figureText(k.actual, k.unit),
              variance: varianceText(k),
              verdict: `${verdictText(k)} (${directionText[k.direction]})`,
              quarters:
                k.quarters.length === 0 ? (
                  "None approved"
                ) : (
                  <ul>
                    {k.quarters.map((q) => (
                      <li key={q.quarter}>
                        {q.quarter}: {figureText(q.value, k.unit)} <span className="text-xs text-muted">({q.basis})</span>
                      </li>
                    ))}
                  </ul>
                ),
              trend: k.trend.length === 0 ? "No data" : k.trend.map((t) => `${t.year}: ${figureText(t.actual, k.unit)}`).join(" · "),
            }))}
          />
        )}
      </section>

      <section aria-labelledby="pack-open" className="space-y-2">
        <h2 id="pack-open" className="text-2xl font-bold">
          Open issues from the review threads
        </h2>
        {pack.openIssues.length === 0 ? (
          <p>Every report of {pack.dialogue.year} is approved: no review thread is open.</p>
        ) : (
          <ul className="space-y-2">
            {pack.openIssues.map((c, i) => (
              <li key={i} className="border-l-4 border-accent-warm pl-3">
                <p className="text-sm font-semibold">
                  {c.organization}&apos;s report for {c.quarter} ({c.status.toLowerCase()}){c.indicator ? `, on ${c.indicator}` : ""}
                </p>
                <p>{c.body}</p>
                <p className="text-xs text-muted">
                  {c.author}, {formatDateTime(c.at)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pack-narratives" className="space-y-2">
        <h2 id="pack-narratives" className="text-2xl font-bold">
          Narrative of {pack.dialogue.year}
        </h2>
        <p className="text-sm">What the reporting organizations wrote with their approved reports, for the key indicators&apos; objectives (not published).</p>
        <ApprovedNarratives narratives={pack.narratives} empty={`No approved report of ${pack.dialogue.year} has a narrative for these objectives.`} />
      </section>

      {pack.funding ? (
        <section aria-labelledby="pack-funding" className="space-y-2">
          <h2 id="pack-funding" className="text-2xl font-bold">
            Funding pledged and delivered
          </h2>
          <p className="text-sm">
            As published in release {pack.funding.fromRelease}: each party&apos;s total in both currencies, then each statement with its rate.
          </p>
          <DataTable
            caption="Pledged and delivered by party, in USD and PHP"
            columns={[
              { key: "party", label: "Party" },
              { key: "pledgedUsd", label: "Pledged (USD)", numeric: true },
              { key: "deliveredUsd", label: "Delivered (USD)", numeric: true },
              { key: "pledgedPhp", label: "Pledged (PHP)", numeric: true },
              { key: "deliveredPhp", label: "Delivered (PHP)", numeric: true },
            ]}
            rowKey={(_row, i) => pack.funding!.totals.USD[i]!.party}
            rows={pack.funding.totals.USD.map((usd) => {
              const php = pack.funding!.totals.PHP.find((p) => p.party === usd.party);
              return {
                party: usd.party,
                pledgedUsd: formatMoney(usd.committed, "USD"),
                deliveredUsd: `${formatMoney(usd.delivered, "USD")}${usd.deliveredIllustrative ? " (illustrative)" : ""}`,
                pledgedPhp: php ? formatMoney(php.committed, "PHP") : "—",
                deliveredPhp: php ? formatMoney(php.delivered, "PHP") : "—",
              };
            })}
          />
          <DataTable
            caption="Funding statements counted in the totals, with the rate each converts at"
            columns={[
              { key: "statement", label: "Statement" },
              { key: "amount", label: "Amount", numeric: true },
              { key: "rate", label: "Rate (PHP per USD)" },
              { key: "source", label: "Source" },
            ]}
            rows={pack.funding.statements.map((s) => ({
              statement: `${s.party}: ${s.label} (stated ${formatDate(s.statedOn)})`,
              amount: formatMoney(s.amount, s.currency),
              rate: `${s.exchangeRate} of ${formatDate(s.rateDate)}`,
              source: s.source ?? "No source recorded",
            }))}
          />
        </section>
      ) : null}
      {ledger.government ? (
        <section aria-labelledby="pack-ledger" className="space-y-2">
          <h2 id="pack-ledger" className="text-2xl font-bold">
            {ledger.government}&apos;s contributions
          </h2>
          <p>
            Pledged {formatMoney(ledger.pledged.php, "PHP")} ({formatMoney(ledger.pledged.usd, "USD")}); delivered to date{" "}
            {formatMoney(ledger.delivered.php, "PHP")} ({formatMoney(ledger.delivered.usd, "USD")})
            {ledger.delivered.percentOfPledged === null ? "" : `, ${ledger.delivered.percentOfPledged}% of the pledge`}. As recorded now;{" "}
            <Link href={`/dashboard/${slug}/contributions`}>the ledger</Link> lists each pledge and contribution with its rate and evidence.
          </p>
          <DataTable
            caption={`${ledger.government}'s counted contributions in ${pack.dialogue.year}, by quarter`}
            columns={[
              { key: "quarter", label: "Quarter" },
              { key: "php", label: "Delivered (PHP)", numeric: true },
              { key: "usd", label: "Delivered (USD)", numeric: true },
              { key: "cumulativePhp", label: "To date (PHP)", numeric: true },
            ]}
            rows={ledgerYear.map((q) => ({
              quarter: q.quarter,
              php: formatMoney(q.php, "PHP"),
              usd: formatMoney(q.usd, "USD"),
              cumulativePhp: formatMoney(q.cumulativePhp, "PHP"),
            }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="pack-sustainability" className="space-y-2">
        <h2 id="pack-sustainability" className="text-2xl font-bold">
          Sustainability plan
        </h2>
        <p className="text-sm">
          {plans.government ? `Written by ${plans.government}, the partner government` : "No partner government recorded"}; as it stands now, not as of the
          release.
        </p>
        {plans.objectives.map((o) => (
          <div key={o.code}>
            <h3 className="font-bold">
              {o.code} {o.title}
            </h3>
            <SustainabilityPlan objective={o} />
          </div>
        ))}
      </section>
      <section aria-labelledby="pack-after" className="space-y-3">
        <h2 id="pack-after" className="text-2xl font-bold">
          After the dialogue: minutes and decisions
        </h2>
        {record.recordedAt ? (
          <p className="text-sm">
            First recorded {formatDateTime(record.recordedAt)}, with the figures as of {record.basis}: the decisions below link to those, as they were.
          </p>
        ) : (
          <p>Nothing recorded yet.</p>
        )}
        {record.minutes ? <p className="whitespace-pre-line border-l-4 border-rule pl-3">{record.minutes}</p> : null}
        {record.decisions.length > 0 ? (
          <ol className="list-decimal space-y-2 pl-5">
            {record.decisions.map((d) => (
              <li key={d.id}>
                <p>{d.text}</p>
                <ul className="text-sm text-muted">
                  {d.indicatorCodes.map((code) => {
                    const f = record.figures.find((figure) => figure.code === code);
                    return (
                      <li key={code}>
                        {f
                          ? `${f.code} ${f.name}: target ${figureText(f.target, f.unit)}, actual ${figureText(f.actual, f.unit)}, variance ${varianceText(f)}`
                          : `${code} (no figure kept)`}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        ) : null}
        {record.canManage ? (
          <div className="grid gap-4 md:grid-cols-2">
            <MinutesForm slug={slug} dialogueId={id} minutes={record.minutes} />
            <DecisionForm slug={slug} dialogueId={id} indicators={pack.indicators.map((k) => ({ code: k.code, name: k.name }))} />
          </div>
        ) : null}
      </section>
      {pack.illustrativeNote ? <p className="text-sm text-muted">{pack.illustrativeNote}</p> : null}
    </article>
  );
}
