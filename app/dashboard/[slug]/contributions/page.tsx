import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { IllustrativeBadge } from "@/components/ui/illustrative-badge";
import { requireSignedIn } from "@/lib/auth/session";
import { getContributionLedger } from "@/lib/data/contribution-ledger";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { readForPage } from "@/lib/page-errors";
import { contributionKinds } from "@/lib/validation/contributions";

export const metadata: Metadata = { title: "Partner government contributions" };

const sourceText = (s: { title: string; url: string | null } | null) => (s ? `${s.title}${s.url ? ` (${s.url})` : ""}` : null);

export default async function ContributionLedgerPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/dashboard/${slug}/contributions`;
  const actor = await requireSignedIn(path);
  const ledger = await readForPage(() => getContributionLedger(actor, slug), path);
  if (!ledger.government) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">Partner government contributions</h1>
        <p role="status" className="border-l-4 border-accent-warm bg-base-lightest p-4">
          This partnership has no partner government recorded, so there is no contribution ledger.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{ledger.government}&apos;s contributions</h1>
        <p className="mt-1">
          Every pledge and contribution of the partner government, in PHP with the USD equivalent at the rate each was stated at. Contributions entered with a
          quarter count once that quarter&apos;s report is approved.
        </p>
      </div>
      <section aria-labelledby="ledger-totals" className="space-y-1">
        <h2 id="ledger-totals" className="text-2xl font-bold">
          To date
        </h2>
        <p>
          Pledged {formatMoney(ledger.pledged.php, "PHP")} ({formatMoney(ledger.pledged.usd, "USD")}); delivered {formatMoney(ledger.delivered.php, "PHP")} (
          {formatMoney(ledger.delivered.usd, "USD")})
          {ledger.delivered.percentOfPledged === null ? "" : `: ${ledger.delivered.percentOfPledged}% of what was pledged`}.
        </p>
      </section>
      <section aria-labelledby="ledger-pledges" className="space-y-2">
        <h2 id="ledger-pledges" className="text-2xl font-bold">
          Pledges
        </h2>
        <DataTable
          caption={`${ledger.government}'s pledges as stated, with their rates`}
          columns={[
            { key: "pledge", label: "Pledge" },
            { key: "php", label: "PHP", numeric: true },
            { key: "usd", label: "USD equivalent", numeric: true },
            { key: "rate", label: "Rate (PHP per USD)" },
            { key: "source", label: "Source" },
          ]}
          rows={ledger.pledges.map((p) => ({
            pledge: (
              <>
                {p.label} (stated {formatDate(p.statedOn)}){p.counts ? "" : <span className="block text-xs text-muted">Superseded by a later statement</span>}
                {p.illustrative ? <IllustrativeBadge /> : null}
              </>
            ),
            php: `${p.approximate ? "about " : ""}${formatMoney(p.php, "PHP")}`,
            usd: `${formatMoney(p.usd, "USD")}${p.usdStated ? " (as stated)" : ""}`,
            rate: `${p.exchangeRate} of ${formatDate(p.rateDate)}`,
            source: sourceText(p.source) ?? "No source recorded",
          }))}
        />
      </section>
      <section aria-labelledby="ledger-contributions" className="space-y-2">
        <h2 id="ledger-contributions" className="text-2xl font-bold">
          Contributions
        </h2>
        {ledger.contributions.length === 0 ? (
          <p role="status">No contribution is recorded yet.</p>
        ) : (
          <DataTable
            caption={`${ledger.government}'s contributions by quarter, cash or in kind, with their rates and evidence`}
            columns={[
              { key: "quarter", label: "Quarter" },
              { key: "kind", label: "Kind" },
              { key: "php", label: "PHP", numeric: true },
              { key: "usd", label: "USD equivalent", numeric: true },
              { key: "rate", label: "Rate (PHP per USD)" },
              { key: "evidence", label: "Evidence" },
            ]}
            rows={ledger.contributions.map((c) => ({
              quarter: c.quarter,
              kind: (
                <>
                  {contributionKinds[c.kind]}
                  {c.counted ? null : <span className="block text-xs font-semibold">Waiting for the quarter&apos;s approval</span>}
                  {c.illustrative ? <IllustrativeBadge /> : null}
                </>
              ),
              php: formatMoney(c.php, "PHP"),
              usd: formatMoney(c.usd, "USD"),
              rate: `${c.exchangeRate} of ${formatDate(c.rateDate)} (${c.rateSource})`,
              evidence: [c.note, sourceText(c.source)].filter(Boolean).join(" · ") || "None given",
            }))}
          />
        )}
      </section>
      <section aria-labelledby="ledger-quarters" className="space-y-2">
        <h2 id="ledger-quarters" className="text-2xl font-bold">
          By quarter
        </h2>
        <DataTable
          caption={`${ledger.government}'s counted contributions by quarter and to date`}
          columns={[
            { key: "quarter", label: "Quarter" },
            { key: "php", label: "Delivered (PHP)", numeric: true },
            { key: "cumulativePhp", label: "To date (PHP)", numeric: true },
            { key: "usd", label: "Delivered (USD)", numeric: true },
            { key: "cumulativeUsd", label: "To date (USD)", numeric: true },
          ]}
          rows={ledger.quarters.map((q) => ({
            quarter: q.quarter,
            php: formatMoney(q.php, "PHP"),
            cumulativePhp: formatMoney(q.cumulativePhp, "PHP"),
            usd: formatMoney(q.usd, "USD"),
            cumulativeUsd: formatMoney(q.cumulativeUsd, "USD"),
          }))}
        />
      </section>
    </div>
  );
}
