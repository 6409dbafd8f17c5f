import "server-only";
import { getIatiFile } from "../data/iati";
import { getLatestRelease, getRelease } from "../data/releases";
import { summaryToCsv } from "../open-data";
import { LATEST_CACHE_CONTROL, RELEASE_CACHE_CONTROL } from "./cache-control";
import type { PublicRelease } from "./content";

// The open-data downloads of a release, shared by the latest (/summary.json) and the numbered
// (/releases/7/summary.json) addresses. Both are kept in Next's route cache like files; the
// numbered ones may be cached by browsers and proxies for a year, since a release never changes
// (./cache-control.ts).

const notFound = (message: string) => Response.json({ code: "NOT_FOUND", message }, { status: 404 });

export async function releaseDownload(slug: string, number: string | null, format: "json" | "csv"): Promise<Response> {
  let release: PublicRelease | null;
  if (number === null) release = await getLatestRelease(slug);
  else if (!/^[1-9]\d{0,6}$/.test(number)) return notFound("A release number is a whole number from 1.");
  else release = await getRelease(slug, Number(number));
  if (!release) return notFound(number === null ? "There is no partnership at this address." : `This partnership has no release ${number}.`);
  const cacheControl = number === null ? LATEST_CACHE_CONTROL : RELEASE_CACHE_CONTROL;
  const headers = { "Cache-Control": cacheControl, "X-Release": String(release.release.number), "X-Release-Digest": release.release.digest };
  if (format === "json") return new Response(JSON.stringify(release), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  return new Response(summaryToCsv(release), {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-release-${release.release.number}.csv"`,
    },
  });
}

/** The IATI 2.03 activity file of the latest release (number null) or of one release (docs/OPEN-DATA.md, "IATI"). */
export async function iatiDownload(slug: string, number: string | null): Promise<Response> {
  if (number !== null && !/^[1-9]\d{0,6}$/.test(number)) return notFound("A release number is a whole number from 1.");
  const file = await getIatiFile(slug, number === null ? null : Number(number));
  if (!file) return notFound(number === null ? "There is no partnership at this address." : `This partnership has no release ${number}.`);
  return new Response(file.xml, {
    headers: {
      "Cache-Control": number === null ? LATEST_CACHE_CONTROL : RELEASE_CACHE_CONTROL,
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `inline; filename="${slug}-release-${file.release.release.number}-iati.xml"`,
      "X-Release": String(file.release.release.number),
    },
  });
}
