// The production server's store of public responses (scripts/lib/public-cache.ts), in front of a
// stand-in for Next that counts how often it is asked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublicCache } from "../../scripts/lib/public-cache";
import { announcePublicChange } from "../../lib/releases/epoch";

let server: Server;
let base = "";
const asked: string[] = [];
let release = 7;

beforeAll(async () => {
  const cache = new PublicCache();
  server = createServer((req, res) => {
    if (cache.serve(req, res)) return;
    cache.capture(req, res);
    asked.push(req.url!);
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
  return { status: response.status, body: await response.text(), type: response.headers.get("content-type") };
};
const askedFor = (path: string) => asked.filter((url) => url === path).length;

describe("the public response store", () => {
  it("answers a second request for a public page from memory, byte for byte, with its headers", async () => {
    const first = await get("/partnerships/philippines");
    const second = await get("/partnerships/philippines");
    expect(second).toEqual(first);
    expect(second).toEqual({ status: 200, body: "<p>release 7 of /partnerships/philippines</p>", type: "text/html" });
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
});
