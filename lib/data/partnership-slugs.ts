import "server-only";
import { getDb } from "./db";

// The addresses of the partnerships that exist, so that the proxy can answer an unknown one
// before Next's route cache stores a page (or the data cache an entry) for it: otherwise every
// made-up address would add files to the cache. Partnerships are never removed, so a known
// address stays known; an address not in the list read here is looked up again, at most once a
// second per instance. A partnership added on one instance is therefore served by every
// instance at once, and made-up addresses cost at most one query a second.
const RECHECK_MS = 1_000;
let memo: { slugs: Set<string>; readAt: number } | null = null;

export async function isKnownPartnershipSlug(slug: string): Promise<boolean> {
  if (memo?.slugs.has(slug)) return true;
  if (!memo || Date.now() - memo.readAt > RECHECK_MS) {
    const rows = await getDb().partnership.findMany({ select: { slug: true } });
    memo = { slugs: new Set(rows.map((r) => r.slug)), readAt: Date.now() };
  }
  return memo.slugs.has(slug);
}
