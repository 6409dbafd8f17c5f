// The Redis cache handler's own rules (lib/cache/redis-cache-handler.js): what goes into Redis
// comes back as Next gave it, and an entry older than a revalidation of one of its tags is never
// served. `npm run check:cluster` tries the handler itself, with two instances and a real Redis.
import { describe, expect, it } from "vitest";
import { decodeEntry, encodeEntry, isOutOfDate, tagsOf } from "../../lib/cache/redis-cache-handler.js";

describe("an entry stored in Redis", () => {
  it("comes back with a page's RSC payload and segments as bytes, not as JSON numbers", () => {
    const page = {
      lastModified: 1_700_000_000_000,
      value: {
        kind: "APP_PAGE",
        html: "<h1>Philippines</h1>",
        rscData: Buffer.from([0, 1, 2, 250]),
        segmentData: new Map([["/_tree", Buffer.from("tree")]]),
        headers: { "x-next-cache-tags": "public-summary,_N_T_/partnerships/philippines" },
        status: 200,
      },
    };
    const back = decodeEntry(encodeEntry(page));
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect([...back.value.rscData]).toEqual([0, 1, 2, 250]);
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get("/_tree").toString()).toBe("tree");
    expect(back.value.html).toBe("<h1>Philippines</h1>");
    expect(back.lastModified).toBe(1_700_000_000_000);
  });

  it("keeps a data entry's plain objects that merely look alike", () => {
    const data = { value: { kind: "FETCH", data: { body: '{"total":"51"}', note: { $buffer: "x", other: 1 } }, tags: ["public-summary"] } };
    expect(decodeEntry(encodeEntry(data))).toEqual(data);
  });
});

describe("whether an entry is out of date", () => {
  const stored = 10_000;
  const now = 20_000;

  it("is when one of its tags was revalidated after it was stored", () => {
    expect(isOutOfDate(["public-summary"], stored, { "public-summary": 15_000 }, now)).toBe(true);
  });

  it("is when it was stored within 2 s after the revalidation, by a render that may have read the old data", () => {
    expect(isOutOfDate(["public-summary"], stored, { "public-summary": 9_000 }, now)).toBe(true);
    expect(isOutOfDate(["public-summary"], stored, { "public-summary": 8_001 }, now)).toBe(true);
  });

  it("is not when it was stored 2 s or more after the revalidation, or its tags were never revalidated", () => {
    expect(isOutOfDate(["public-summary"], stored, { "public-summary": 8_000 }, now)).toBe(false);
    expect(isOutOfDate(["public-summary"], stored, { other: 15_000 }, now)).toBe(false);
    expect(isOutOfDate([], stored, { "public-summary": 15_000 }, now)).toBe(false);
  });

  it("answers to the tags in a page's header and those of a data request", () => {
    expect(tagsOf({ headers: { "x-next-cache-tags": "public-summary,_N_T_/layout" } }, {}).sort()).toEqual(["_N_T_/layout", "public-summary"]);
    expect(tagsOf({ kind: "FETCH", tags: ["public-summary:philippines"] }, { tags: ["public-summary"], softTags: ["_N_T_/"] }).sort()).toEqual([
      "_N_T_/",
      "public-summary",
      "public-summary:philippines",
    ]);
  });
});
