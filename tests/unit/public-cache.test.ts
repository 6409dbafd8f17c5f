// The production server's store of public responses (scripts/lib/public-cache.ts), in front of a
// stand-in for Next that counts how often it is asked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pinCacheControl, PublicCache } from "../../scripts/lib/public-cache";
import { announcePublicChange } from "../../lib/releases/epoch";

let server: Server;
let base = "";
const asked: string[] = [];
let release = 7;

beforeAll(async () => {
  const cache = new PublicCache();
  server = createServer((req, res) => {
    if (cache.serve(req, res)) return;
    pinCacheControl(req, res);
    cache.capture(req, res);
    asked.push(req.url!);
    // What Next sends for a prerendered page: shared caches may keep it for a year.
    res.setHeader("Cache-Control", "s-maxage=31536000");
    if (req.url!.startsWith("/partnerships/secret")) res.setHeader("Set-Cookie", "session=1");
    res.statusCode = req.url!.includes("missing") ? 404 : 200;
    res.setHeader("Content-Type", "text/html");
    res.write(`<p>release ${release}`);
    res.end(` of ${req.url}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(base + path, { headers });
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type"), cache: response.headers.get("cache-control") };
};
const askedFor = (path: string) => asked.filter((url) => url === path).length;

describe("the public response store", () => {
  it("answers a second request for a public page from memory, byte for byte, with its headers", async () => {
    const first = await get("/partnerships/philippines");
    const second = await get("/partnerships/philippines");
    expect(second).toEqual(first);
    expect(second).toEqual({
      status: 200,
      body: "<p>release 7 of /partnerships/philippines</p>",
      type: "text/html",
      cache: "public, max-age=0, s-maxage=60, must-revalidate",
    });
    expect(askedFor("/partnerships/philippines")).toBe(1);
  });

  it("asks again once a release is published", async () => {
    await get("/api/public/partnerships/philippines/summary.json");
    release = 8;
    announcePublicChange();
    expect((await get("/api/public/partnerships/philippines/summary.json")).body).toContain("release 8");
    expect((await get("/partnerships/philippines")).body).toContain("release 8");
    expect(askedFor("/api/public/partnerships/philippines/summary.json")).toBe(2);
  });

  it("never keeps an address with a query, a request for React data, an error or a response that sets a cookie", async () => {
    for (let i = 0; i < 2; i++) {
      await get("/partnerships/philippines?asOf=2019-01-01");
      await get("/partnerships/ghana", { RSC: "1" });
      await get("/partnerships/missing");
      await get("/partnerships/secret");
      await get("/dashboard/philippines");
    }
    expect(
      ["/partnerships/philippines?asOf=2019-01-01", "/partnerships/ghana", "/partnerships/missing", "/partnerships/secret", "/dashboard/philippines"].map(
        askedFor,
      ),
    ).toEqual([2, 2, 2, 2, 2]);
  });

  it("lets shared caches keep a numbered release for ever, the latest for a minute, and an error as Next said", async () => {
    // A reopened quarter publishes a new release: a CDN must not keep the latest past a minute.
    for (const path of ["/partnerships/philippines", "/api/public/partnerships/philippines/summary.csv"]) {
      expect((await get(path)).cache, path).toBe("public, max-age=0, s-maxage=60, must-revalidate");
    }
    for (const path of ["/partnerships/philippines/releases/3", "/api/public/partnerships/philippines/releases/3/summary.json"]) {
      expect((await get(path)).cache, path).toBe("public, max-age=31536000, immutable");
      expect((await get(path)).cache, `${path}, from memory`).toBe("public, max-age=31536000, immutable");
    }
    expect((await get("/partnerships/missing")).cache).toBe("s-maxage=31536000");
  });
});

describe("the store of an instance that cannot hear the others (several instances, Redis unreachable)", () => {
  it("serves no copy and keeps none until it hears them again", async () => {
    let listening = false;
    let answered = 0;
    const cache = new PublicCache(() => listening);
    const deaf = createServer((req, res) => {
      if (cache.serve(req, res)) return;
      cache.capture(req, res);
      answered += 1;
      res.statusCode = 200;
      res.end(`answer ${answered}`);
    });
    await new Promise<void>((resolve) => deaf.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(deaf.address() as AddressInfo).port}/partnerships/philippines`;
    const body = async () => (await fetch(url)).text();
    try {
      expect([await body(), await body()]).toEqual(["answer 1", "answer 2"]);
      listening = true;
      expect([await body(), await body()]).toEqual(["answer 3", "answer 3"]);
      listening = false;
      expect(await body()).toBe("answer 4");
    } finally {
      await new Promise<void>((resolve) => deaf.close(() => resolve()));
    }
  });
});

describe("the addresses an instance renders again when it hears of a release", () => {
  it("are the copies it holds, the latest first, each with its encoding", async () => {
    const cache = new PublicCache();
    const held = createServer((req, res) => {
      if (cache.serve(req, res)) return;
      cache.capture(req, res);
      res.statusCode = 200;
      res.end("summary");
    });
    await new Promise<void>((resolve) => held.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(held.address() as AddressInfo).port}`;
    try {
      await (await fetch(`${origin}/partnerships/ghana`, { headers: { "accept-encoding": "identity" } })).text();
      await (await fetch(`${origin}/api/public/partnerships/philippines/summary.json`, { headers: { "accept-encoding": "gzip" } })).text();
      await (await fetch(`${origin}/dashboard/philippines`)).text(); // not public: never held
      expect(cache.addresses()).toEqual([
        { url: "/api/public/partnerships/philippines/summary.json", gzip: true },
        { url: "/partnerships/ghana", gzip: false },
      ]);
    } finally {
      await new Promise<void>((resolve) => held.close(() => resolve()));
    }
  });
});
