import "server-only";
import { getDb } from "./db";

// The addresses of the partnerships that exist, so that the proxy can answer an unknown one
// before Next's route cache stores a page (or the data cache an entry) for it: otherwise every
// made-up address would add files to the cache. Read at most once a minute per instance, so a
// partnership added while the app runs is served within a minute.
const TTL_MS = 60_000;
let memo: { slugs: Set<string>; readAt: number } | null = null;

export async function isKnownPartnershipSlug(slug: string): Promise<boolean> {
  if (!memo || Date.now() - memo.readAt > TTL_MS) {
    const rows = await getDb().partnership.findMany({ select: { slug: true } });
    memo = { slugs: new Set(rows.map((r) => r.slug)), readAt: Date.now() };
  }
  return memo.slugs.has(slug);
}
