// The public record served like files: the bytes of each public summary page and open-data
// download, kept in memory once Next has produced them, and sent with one write until a release
// is published. A release never changes, so these responses are the same for every visitor;
// Next's own route cache holds them too, but answering from it costs several times what sending
// a static file does (docs/PERFORMANCE.md).
//
// Only exact addresses are kept: no query string (asOf redirects, ?_rsc), no request that asks
// for React data (RSC, router or action headers), and only a 200 without Set-Cookie. Publishing a
// release bumps a counter the app shares with this process (lib/releases/epoch.ts), which empties
// the store; with several instances every instance's counter is bumped through Redis
// (./public-change-listener.ts). An entry also lapses after a minute, so a change made outside
// the app (a restore) shows within a minute.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LATEST_CACHE_CONTROL, RELEASE_CACHE_CONTROL } from "../../lib/releases/cache-control";
import { publicEpoch } from "../../lib/releases/epoch";

const PUBLIC_PATH =
  /^\/(?:partnerships\/[a-z0-9-]+(?:\/releases\/[1-9]\d{0,6})?|api\/public\/partnerships\/[a-z0-9-]+(?:\/releases\/[1-9]\d{0,6})?\/(?:summary\.(?:json|csv)|iati\.xml))$/;
const REACT_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];
const TTL_MS = 60_000;
const MAX_ENTRIES = 500;

// Next would send "s-maxage=31536000" for the prerendered public pages, so a CDN would keep
// serving a summary after a quarter is reopened: the production server sets the policy of
// lib/releases/cache-control.ts instead.
const RELEASE_PATH = /^\/(?:api\/public\/)?partnerships\/[a-z0-9-]+\/releases\/[1-9]\d{0,6}(?:\/(?:summary\.(?:json|csv)|iati\.xml))?$/;
const LATEST_PATH = /^\/(?:partnerships\/[a-z0-9-]+(?:\/releases)?|api\/public\/partnerships\/[a-z0-9-]+\/(?:summary\.(?:json|csv)|iati\.xml))?$/;

/** Gives a public address's 200 response the Cache-Control above, whatever Next set. */
export function pinCacheControl(req: IncomingMessage, res: ServerResponse): void {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return;
  if (REACT_HEADERS.some((h) => req.headers[h] !== undefined)) return;
  const policy = RELEASE_PATH.test(req.url) ? RELEASE_CACHE_CONTROL : LATEST_PATH.test(req.url) ? LATEST_CACHE_CONTROL : null;
  if (!policy) return;
  // Node sends the headers through writeHead, called or implied by the first write.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 200) {
      res.setHeader("Cache-Control", policy);
      // writeHead's own headers would win over the one just set.
      for (const headers of rest)
        if (headers && typeof headers === "object" && !Array.isArray(headers)) delete (headers as Record<string, unknown>)["cache-control"];
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
}

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  epoch: number;
  storedAt: number;
}

export class PublicCache {
  private entries = new Map<string, Entry>();
  private epoch = publicEpoch();
  hits = 0;

  /** @param current false while this instance cannot know its copies are current (./public-change-listener.ts) */
  constructor(private readonly current: () => boolean = () => true) {}

  private key(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    if (!req.url || !PUBLIC_PATH.test(req.url)) return null;
    if (REACT_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    return `${req.url}|${gzip ? "gzip" : "identity"}`;
  }

  /** The addresses held now, the latest first, with whether each is the gzip copy. */
  addresses(): { url: string; gzip: boolean }[] {
    return [...this.entries.keys()].reverse().map((key) => {
      const [url, encoding] = key.split("|");
      return { url: url!, gzip: encoding === "gzip" };
    });
  }

  /** Answers the request from memory if it can; true when it did. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = this.key(req);
    if (!key || !this.current()) return false;
    const now = publicEpoch();
    if (now !== this.epoch) {
      this.entries.clear();
      this.epoch = now;
    }
    const entry = this.entries.get(key);
    if (!entry || Date.now() - entry.storedAt > TTL_MS) return false;
    this.hits += 1;
    res.writeHead(entry.status, { ...entry.headers, "x-public-cache": "HIT", "content-length": entry.body.length });
    res.end(req.method === "HEAD" ? undefined : entry.body);
    return true;
  }

  /** Keeps a copy of the response Next is about to send, if it is one the store may hold. */
  capture(req: IncomingMessage, res: ServerResponse): void {
    const key = this.key(req);
    if (!key || req.method !== "GET") return;
    const epoch = this.epoch;
    const chunks: Buffer[] = [];
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(toBuffer(chunk, rest[0]));
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    res.once("finish", () => {
      if (res.statusCode !== 200 || res.hasHeader("set-cookie") || epoch !== publicEpoch() || !this.current()) return;
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      const headers = { ...res.getHeaders() };
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      delete headers.connection;
      delete headers["keep-alive"];
      delete headers.date;
      delete headers["x-nextjs-cache"];
      this.entries.set(key, { status: 200, headers, body: Buffer.concat(chunks), epoch, storedAt: Date.now() });
    });
  }
}
