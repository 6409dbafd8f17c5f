import "server-only";
import { unstable_cache } from "next/cache";
import type { Actor } from "../auth/permissions";
import { shownTotal, type FigureChange, type PublicRelease, type ReleaseContent, type ReleaseMeta } from "../releases/content";
import { isSlug } from "../validation/text";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { unsafeIndicatorSummaries } from "./results";

// Reading releases, for every public page and download (publishing is ./publish-release.ts).

export const PUBLIC_SUMMARY_TAG = "public-summary";

const metaSelect = {
  number: true,
  publishedAt: true,
  dateIllustrative: true,
  trigger: true,
  event: true,
  reason: true,
  method: true,
  methodVersion: true,
  digest: true,
} as const;

type MetaRow = {
  number: number;
  publishedAt: Date;
  dateIllustrative: boolean;
  trigger: string;
  event: string;
  reason: string | null;
  method: string;
  methodVersion: string;
  digest: string;
};

const toMeta = (row: MetaRow, supersededAt: Date | null): ReleaseMeta => ({
  ...row,
  publishedAt: row.publishedAt.toISOString(),
  supersededAt: supersededAt?.toISOString() ?? null,
});

/** A partnership's release by number, or its latest with number null; null when there is none. */
async function readRelease(slug: string, number: number | null): Promise<PublicRelease | null> {
  const db = getDb();
  const row = await db.release.findFirst({
    where: { partnership: { slug }, ...(number === null ? {} : { number }) },
    orderBy: { number: "desc" },
    select: { ...metaSelect, content: true, partnershipId: true },
  });
  if (!row) return null;
  const { content, partnershipId, ...meta } = row;
  const next = await db.release.findFirst({ where: { partnershipId, number: row.number + 1 }, select: { publishedAt: true } });
  // Only the release's own words go out: not the stored text a second time, nor the row's ids.
  return { release: toMeta(meta, next?.publishedAt ?? null), summary: JSON.parse(content) as ReleaseContent };
}

const cached = <A extends unknown[], R>(name: string, slug: string, read: (...args: A) => Promise<R>, ...args: A) =>
  unstable_cache(() => read(...args), [name, slug, ...args.map(String)], { tags: [PUBLIC_SUMMARY_TAG, `${PUBLIC_SUMMARY_TAG}:${slug}`], revalidate: 3600 })();

/** Public: the latest release of a partnership (cached; approving or reopening a quarter refreshes it). */
export const getLatestRelease = async (slug: string) => (isSlug(slug) ? cached("release-latest", slug, readRelease, slug, null) : null);

/** Public: one release by its number. */
export const getRelease = async (slug: string, number: number) =>
  isSlug(slug) && Number.isSafeInteger(number) && number > 0 ? cached("release", slug, readRelease, slug, number) : null;

/** The release in force at the end of `date` (YYYY-MM-DD): its number, or null before the first. */
export async function releaseNumberAsOf(slug: string, date: string): Promise<number | null> {
  const row = await getDb().release.findFirst({
    where: { partnership: { slug }, publishedAt: { lt: new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000) } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return row?.number ?? null;
}

export interface ReleaseHistoryItem extends ReleaseMeta {
  changes: FigureChange[];
}

async function readReleaseHistory(slug: string): Promise<{ partnership: { slug: string; name: string }; releases: ReleaseHistoryItem[] } | null> {
  const db = getDb();
  const partnership = await db.partnership.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!partnership) return null;
  const rows = await db.release.findMany({ where: { partnershipId: partnership.id }, orderBy: { number: "desc" }, select: { ...metaSelect, changes: true } });
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    releases: rows.map((row, index) => ({ ...toMeta(row, rows[index - 1]?.publishedAt ?? null), changes: row.changes as unknown as FigureChange[] })),
  };
}

/** Public: every release of a partnership, newest first, with the figures each one changed. */
export const getReleaseHistory = async (slug: string) => (isSlug(slug) ? cached("release-history", slug, readReleaseHistory, slug) : null);

/** Uncached, for tests and scripts. */
export const readLatestReleaseUncached = (slug: string) => readRelease(slug, null);
export const readReleaseUncached = readRelease;
export const readReleaseHistoryUncached = readReleaseHistory;

export interface ReleaseDesk {
  partnership: { slug: string; name: string };
  latest: PublicRelease | null;
  /** Each indicator's live approved figure (exact, as the dashboard shows it) beside what the latest release publishes. */
  figures: { code: string; name: string; unit: string; sensitive: boolean; live: string | null; published: string | null; note: string | null }[];
  releases: (ReleaseHistoryItem & { actor: string | null })[];
}

/** Signed-in: the public record beside the live figures, and every release with who approved or reopened. */
export async function getReleaseDesk(actor: Actor | null, slug: string): Promise<ReleaseDesk> {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const [latest, live, rows] = await Promise.all([
    readRelease(slug, null),
    unsafeIndicatorSummaries(db, partnership.id),
    db.release.findMany({
      where: { partnershipId: partnership.id },
      orderBy: { number: "desc" },
      select: { ...metaSelect, changes: true, actor: { select: { name: true, organization: { select: { shortName: true } } } } },
    }),
  ]);
  const published = new Map((latest?.summary.results ?? []).map((r) => [r.code, r]));
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    latest,
    figures: live
      .filter((i) => i.unit !== "TEXT")
      .map((i) => {
        const p = published.get(i.code);
        return {
          code: i.code,
          name: i.name,
          unit: i.unit,
          sensitive: i.sensitive,
          live: i.actual === null ? null : String(Number(i.actual)),
          published: p ? shownTotal(p) : null,
          note: p?.totalWithheld ?? (p?.totalRounded ? "Rounded to the nearest 10 in public" : null),
        };
      }),
    releases: rows.map((row, index) => ({
      ...toMeta(row, rows[index - 1]?.publishedAt ?? null),
      changes: row.changes as unknown as FigureChange[],
      actor: row.actor ? `${row.actor.name} (${row.actor.organization.shortName})` : null,
    })),
  };
}
