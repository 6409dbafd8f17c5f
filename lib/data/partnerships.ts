import "server-only";
import { unstable_cache } from "next/cache";
import { formatMoney, type CurrencyCode } from "../money";
import { getDb } from "./db";

// Public reads: the partnerships as the record states them. No session, nothing unapproved.

export interface PartnershipParty {
  name: string;
  shortName: string;
  role: "DONOR" | "HOST" | "IMPLEMENTER" | "SUB_IMPLEMENTER";
}

export interface PublicPartnershipSummary {
  slug: string;
  name: string;
  country: string;
  signedOn: string;
  endsOn: string | null;
  termNote: string | null;
  status: "PLANNED" | "ACTIVE" | "CONCLUDED";
  usFundingStatement: string | null;
  /** The partner government's latest funding statement, as stated, or null when none is recorded. */
  partnerFundingStatement: string | null;
  parties: PartnershipParty[];
  source: { title: string; publisher: string } | null;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

const roleOrder = { DONOR: 0, HOST: 1, IMPLEMENTER: 2, SUB_IMPLEMENTER: 3 } as const;

/** Public: every partnership, the longest-running first, with its parties (cached for every visitor). */
export const getPublicPartnerships = () => unstable_cache(readPublicPartnerships, ["public-partnerships"], { tags: ["public-summary"], revalidate: 3600 })();

/** Uncached, for tests. */
export async function readPublicPartnerships(): Promise<PublicPartnershipSummary[]> {
  const rows = await getDb().partnership.findMany({
    orderBy: [{ signedOn: "asc" }],
    select: {
      slug: true,
      name: true,
      country: true,
      signedOn: true,
      endsOn: true,
      termNote: true,
      status: true,
      usFundingStatement: true,
      factsSource: { select: { title: true, publisher: true } },
      members: { select: { role: true, organization: { select: { name: true, shortName: true } } } },
      commitments: {
        where: { fromOrganization: { kind: "PARTNER_GOVERNMENT" } },
        orderBy: { statedOn: "desc" },
        take: 1,
        select: { amount: true, currency: true, statedEquivalent: true, statedEquivalentCurrency: true, statedOn: true, approximate: true },
      },
    },
  });
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    country: row.country,
    signedOn: isoDate(row.signedOn),
    endsOn: row.endsOn ? isoDate(row.endsOn) : null,
    termNote: row.termNote,
    status: row.status,
    usFundingStatement: row.usFundingStatement,
    partnerFundingStatement: row.commitments[0]
      ? `${row.commitments[0].approximate ? "About " : ""}${formatMoney(row.commitments[0].amount.toFixed(2), row.commitments[0].currency as CurrencyCode)}${
          row.commitments[0].statedEquivalent && row.commitments[0].statedEquivalentCurrency
            ? ` (${formatMoney(row.commitments[0].statedEquivalent.toFixed(2), row.commitments[0].statedEquivalentCurrency as CurrencyCode)})`
            : ""
        }, stated ${isoDate(row.commitments[0].statedOn)}`
      : null,
    source: row.factsSource,
    parties: row.members
      .map((m) => ({ name: m.organization.name, shortName: m.organization.shortName, role: m.role }))
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name)),
  }));
}
