import Link from "next/link";
import { formatDate, statusLabel } from "@/lib/format";
import type { PublicPartnershipSummary } from "@/lib/data/partnerships";
import { DataTable } from "@/components/ui/data-table";

/** Every partnership in one table: country, dates, status and U.S. funding as stated. */
export function PartnershipDirectory({ partnerships }: { partnerships: PublicPartnershipSummary[] }) {
  return (
    <section aria-labelledby="directory-heading" className="space-y-3">
      <h2 id="directory-heading" className="text-2xl font-bold">
        All CPC Partnerships
      </h2>
      <DataTable
        caption="Child Protection Compact Partnerships with their country, signing date, term, status and U.S. funding as stated"
        columns={[
          { key: "country", label: "Country" },
          { key: "signed", label: "Signed" },
          { key: "term", label: "Term" },
          { key: "status", label: "Status" },
          { key: "us", label: "U.S. funding as stated" },
          { key: "partner", label: "Partner-government funding as stated" },
          { key: "source", label: "Source" },
        ]}
        rowKey={(_row, index) => partnerships[index]!.slug}
        rows={partnerships.map((p) => ({
          country: (
            <Link href={`/partnerships/${p.slug}`} className="font-semibold">
              {p.country}
            </Link>
          ),
          signed: formatDate(p.signedOn),
          term: p.endsOn ? `Until ${formatDate(p.endsOn)}` : (p.termNote ?? "Not stated"),
          status: statusLabel[p.status],
          us: p.usFundingStatement ?? "Not stated",
          partner: p.partnerFundingStatement ?? "Not recorded",
          source: p.source ? p.source.url ? <a href={p.source.url}>{p.source.publisher}</a> : p.source.publisher : "Not recorded",
        }))}
      />
    </section>
  );
}
