// Every seeded partnership's IATI file, checked by IATI's own schema and codelists and the rules
// beyond them (tests/support/iati-check.ts), and read back against the public summary of the same
// release: what the file says must be what the public page says.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as latestIati } from "../../app/api/public/partnerships/[slug]/iati.xml/route";
import { GET as releaseIati } from "../../app/api/public/partnerships/[slug]/releases/[number]/iati.xml/route";
import { GET as releaseJson } from "../../app/api/public/partnerships/[slug]/releases/[number]/summary.json/route";
import type { PublicRelease } from "../../lib/releases/content";
import { seedDatabase } from "../../prisma/seed/seed";
import { checkIati, iatiDir, valuesOf } from "../support/iati-check";
import { emptyTables, testDb } from "../support/database";

// Next's data cache needs a running server; here the routes read the database each time.
vi.mock("next/cache", () => ({ unstable_cache: <T>(read: T) => read, revalidatePath: () => {}, revalidateTag: () => {} }));

const url = inject("databaseUrl");
const db = testDb(url);
const schemaHere = iatiDir() !== null;
if (!schemaHere)
  console.warn("IATI's schema and codelists are not on this machine (IATI_SCHEMA_DIR): the IATI file is not checked against them here. CI checks it.");

beforeAll(async () => {
  await emptyTables(url);
  await seedDatabase(db);
});
afterAll(() => db.$disconnect());

const get = (handler: typeof latestIati | typeof releaseIati, params: Record<string, string>) =>
  (handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(new Request("http://localhost/"), {
    params: Promise.resolve(params),
  });

const sum = (values: string[]) => values.reduce((total, v) => total + Math.round(Number(v) * 100), 0) / 100;

describe.runIf(schemaHere)("the IATI file, checked by IATI's schema, codelists and rules", () => {
  it("passes for every seeded partnership", async () => {
    const partnerships = await db.partnership.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    expect(partnerships.length).toBeGreaterThanOrEqual(7);
    for (const { slug } of partnerships) {
      const response = await get(latestIati, { slug });
      expect(response.status, slug).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      expect(await checkIati(await response.text()), slug).toEqual([]);
    }
  });

  it("fails a file with a value missing its value-date, a currency outside the codelist, or a budget over a year", async () => {
    const xml = await (await get(latestIati, { slug: "philippines" })).text();
    expect(await checkIati(xml)).toEqual([]);
    expect(await checkIati(xml.replace(/ value-date="[^"]*"/, ""))).toEqual([
      expect.stringMatching(/^schema: .*The attribute 'value-date' is required but missing/),
    ]);
    expect(await checkIati(xml.replace(/ value-date="[^"]*"/, ' value-date="2999-01-01"'))).toEqual(["value-date 2999-01-01 is in the future"]);
    expect(await checkIati(xml.replace(/ currency="USD"/, ' currency="XYZ"'))).toEqual(['//@currency = "XYZ" is not in the Currency codelist']);
    expect((await checkIati(xml.replace(/<period-end iso-date="2017-12-31"\/>/, '<period-end iso-date="2018-12-31"/>'))).join()).toMatch(/covers 629 days/);
    expect(await checkIati(xml.replace("<iati-identifier>", "<iati-identifierx>"))).toEqual([expect.stringMatching(/^schema: /)]);
  });
});

describe("the IATI file agrees with the public summary of its release", () => {
  it("carries the release's money: U.S. commitments and budgets, the partner government's pledges, and what each delivered", async () => {
    const xml = await (await get(latestIati, { slug: "philippines" })).text();
    const number = (await valuesOf(xml, "//iati-activity/@last-updated-datetime"))[0]!;
    const release = (await db.release.findFirstOrThrow({ where: { partnership: { slug: "philippines" } }, orderBy: { number: "desc" } })).number;
    const summary = (await (await get(releaseJson, { slug: "philippines", number: String(release) })).json()) as PublicRelease;
    expect(number).toBe(summary.release.publishedAt);
    // The public JSON says what the release is, not its stored text a second time or its row's ids.
    expect(summary.release).not.toHaveProperty("content");
    expect(summary.release).not.toHaveProperty("partnershipId");
    const totals = Object.fromEntries(summary.summary.funding.totals.USD.map((t) => [t.party, t]));
    const transactions = async (code: string) => sum(await valuesOf(xml, `//transaction[transaction-type/@code='${code}']/value/text()`));
    expect(await transactions("2")).toBe(Number(totals["TIP Office"]!.committed));
    expect(await transactions("13")).toBe(Number(totals["IACAT"]!.committed));
    expect(await transactions("3")).toBe(Number(totals["TIP Office"]!.delivered));
    expect(await transactions("1")).toBe(Number(totals["IACAT"]!.delivered));
    expect(sum(await valuesOf(xml, "//budget/value/text()"))).toBe(Number(totals["TIP Office"]!.committed));
    expect(await valuesOf(xml, "//@currency")).toEqual(expect.arrayContaining(["USD"]));
    expect(new Set(await valuesOf(xml, "//@currency"))).toEqual(new Set(["USD"]));
  });

  it("carries each indicator's published figures, and for a count of children only its rounded total, never a quarter", async () => {
    const release = (await db.release.findFirstOrThrow({ where: { partnership: { slug: "philippines" } }, orderBy: { number: "desc" } })).number;
    const xml = await (await get(releaseIati, { slug: "philippines", number: String(release) })).text();
    const summary = (await (await get(releaseJson, { slug: "philippines", number: String(release) })).json()) as PublicRelease;
    for (const series of summary.summary.results) {
      const actuals = await valuesOf(xml, `//indicator[starts-with(title/narrative, '${series.code}:')]/period/actual/@value`);
      if (series.sensitive) {
        // One period, the rounded total to date as the public page gives it.
        expect(actuals, series.code).toEqual(series.total === null || series.total === "0" ? [] : [series.total]);
      } else if (series.unit !== "PERCENT") {
        // The years add up to the total to date the public page gives.
        expect(sum(actuals), series.code).toBe(Number(series.total));
        const published = series.quarters.filter((q) => q.value !== null).length;
        expect(published, series.code).toBeGreaterThan(0);
      } else {
        // A percentage by year is the year's latest published quarter; the last year's is the total to date.
        expect(actuals.at(-1), series.code).toBe(series.total);
      }
    }
    const o11 = await valuesOf(xml, "//indicator[starts-with(title/narrative, 'O1.1:')]/period/actual/comment/narrative/text()");
    expect(o11.join(" ")).toMatch(/Rounded to the nearest 10 to protect children/);
    expect(await valuesOf(xml, "count(//indicator[starts-with(title/narrative, 'O1.1:')]/period)")).toEqual(["1"]);
  });

  it("describes one release: an earlier release's file has that release's date and says which it is", async () => {
    const xml = await (await get(releaseIati, { slug: "philippines", number: "1" })).text();
    const first = await db.release.findFirstOrThrow({ where: { partnership: { slug: "philippines" }, number: 1 } });
    expect(await valuesOf(xml, "//iati-activity/@last-updated-datetime")).toEqual([first.publishedAt.toISOString()]);
    expect((await valuesOf(xml, "//description[@type='4']/narrative/text()")).join(" ")).toContain(
      "This file describes release 1 of the partnership's public record",
    );
    expect((await get(releaseIati, { slug: "philippines", number: "99999" })).status).toBe(404);
    expect((await get(latestIati, { slug: "nowhere" })).status).toBe(404);
  });
});
