import "server-only";
import { unstable_cache } from "next/cache";
import { formatMoney } from "../money";
import type { PublicSource, ReleaseContent } from "../releases/content";
import { getDb } from "./db";
import { PUBLIC_SUMMARY_TAG } from "./releases";

// Public reads: every partnership as its latest release states it. No session, nothing unapproved.

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
  source: PublicSource | null;
  release: { number: number; publishedAt: string };
}

const roleOrder = { DONOR: 0, HOST: 1, IMPLEMENTER: 2, SUB_IMPLEMENTER: 3 } as const;

/** Public: every partnership, the longest-running first, with its parties (cached for every visitor). */
export const getPublicPartnerships = () => unstable_cache(readPublicPartnerships, ["public-partnerships"], { tags: [PUBLIC_SUMMARY_TAG], revalidate: 3600 })();

/** Uncached, for tests: each partnership's latest release (a partnership with none is not public yet). */
export async function readPublicPartnerships(): Promise<PublicPartnershipSummary[]> {
  const rows = await getDb().$queryRawUnsafe<{ number: number; publishedAt: Date; content: string }[]>(
    `SELECT DISTINCT ON (r."partnershipId") r.number, r."publishedAt", r.content
     FROM "Release" r ORDER BY r."partnershipId", r.number DESC`,
  );
  return rows
    .map((row) => toSummary(JSON.parse(row.content) as ReleaseContent, { number: row.number, publishedAt: row.publishedAt.toISOString() }))
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.slug.localeCompare(b.slug));
}

function toSummary(content: ReleaseContent, release: PublicPartnershipSummary["release"]): PublicPartnershipSummary {
  const p = content.partnership;
  const host = content.parties.find((party) => party.role === "HOST")?.shortName;
  const pledge = content.funding.statements.filter((s) => s.party === host && s.countsInTotals).sort((a, b) => b.statedOn.localeCompare(a.statedOn))[0];
  return {
    slug: p.slug,
    name: p.name,
    country: p.country,
    signedOn: p.signedOn,
    endsOn: p.endsOn,
    termNote: p.termNote,
    status: p.status,
    usFundingStatement: p.usFundingStatement,
    partnerFundingStatement: pledge
      ? `${pledge.approximate ? "About " : ""}${formatMoney(pledge.amount, pledge.currency)}${
          pledge.statedEquivalent && pledge.statedEquivalentCurrency ? ` (${formatMoney(pledge.statedEquivalent, pledge.statedEquivalentCurrency)})` : ""
        }, stated ${pledge.statedOn}`
      : null,
    source: p.sources[0] ?? null,
    parties: content.parties
      .map((party) => ({ ...party, role: party.role as PartnershipParty["role"] }))
      .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name)),
    release,
  };
}
