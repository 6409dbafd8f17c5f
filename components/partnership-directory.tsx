import Link from "next/link";
import { formatDate, statusLabel } from "@/lib/format";
import type { PublicPartnershipSummary } from "@/lib/data/partnerships";

/** Every partnership in one table: country, dates, status and U.S. funding as stated. */
export function PartnershipDirectory({ partnerships }: { partnerships: PublicPartnershipSummary[] }) {
  return (
    <section aria-labelledby="directory-heading" className="space-y-3">
      <h2 id="directory-heading" className="text-2xl font-bold">
        All CPC Partnerships
      </h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="All CPC Partnerships (table)">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Child Protection Compact Partnerships with their country, signing date, term, status and U.S. funding as stated</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Country
              </th>
              <th scope="col" className="py-2 pr-4">
                Signed
              </th>
              <th scope="col" className="py-2 pr-4">
                Term
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2 pr-4">
                U.S. funding as stated
              </th>
              <th scope="col" className="py-2 pr-4">
                Partner-government funding as stated
              </th>
              <th scope="col" className="py-2">
                Source
              </th>
            </tr>
          </thead>
          <tbody>
            {partnerships.map((p) => (
              <tr key={p.slug} className="border-b border-rule align-top">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  <Link href={`/partnerships/${p.slug}`}>{p.country}</Link>
                </th>
                <td className="py-2 pr-4">{formatDate(p.signedOn)}</td>
                <td className="py-2 pr-4">{p.endsOn ? `Until ${formatDate(p.endsOn)}` : (p.termNote ?? "Not stated")}</td>
                <td className="py-2 pr-4">{statusLabel[p.status]}</td>
                <td className="py-2 pr-4">{p.usFundingStatement ?? "Not stated"}</td>
                <td className="py-2 pr-4">{p.partnerFundingStatement ?? "Not recorded"}</td>
                <td className="py-2 text-sm text-muted">{p.source ? p.source.publisher : "Not recorded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
