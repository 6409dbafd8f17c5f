import { formatDate, partyRoleLabel, statusLabel } from "@/lib/format";
import type { PublicPartnershipSummary } from "@/lib/data/partnerships";
import { SourceCitation } from "./public/source-citation";

/** A partnership's name, dates and parties, as the record states them. */
export function PartnershipFacts({ partnership }: { partnership: PublicPartnershipSummary }) {
  return (
    <section aria-labelledby="featured-heading" className="border border-rule p-6">
      <h2 id="featured-heading" className="text-2xl font-bold">
        {partnership.name}
      </h2>
      <dl className="mt-4 grid gap-x-8 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Signed</dt>
        <dd>{formatDate(partnership.signedOn)}</dd>
        <dt className="font-semibold">{partnership.status === "CONCLUDED" ? "Concluded" : "Ends"}</dt>
        <dd>{partnership.endsOn ? formatDate(partnership.endsOn) : (partnership.termNote ?? "Not stated")}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>{statusLabel[partnership.status]}</dd>
        <dt className="font-semibold">Parties</dt>
        <dd>
          <ul className="space-y-1">
            {partnership.parties.map((party) => (
              <li key={`${party.role}-${party.name}`}>
                {party.name} <span className="text-muted">({partyRoleLabel[party.role]})</span>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <p className="mt-4">
        <a href={`/partnerships/${partnership.slug}`}>Read the partnership&apos;s summary: results, funding and sources</a>
      </p>
      {partnership.source ? (
        <p className="mt-4 text-sm text-muted">
          Source: <SourceCitation source={partnership.source} /> As of release {partnership.release.number} of{" "}
          {formatDate(partnership.release.publishedAt.slice(0, 10))}.
        </p>
      ) : null}
    </section>
  );
}
