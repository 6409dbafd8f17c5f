// HTTP load with autocannon against a running production server, with latency percentiles
// computed from every response's time (autocannon's own summary has no p95).
import autocannon from "autocannon";
import { gzipSync } from "node:zlib";
import { percentile, round } from "./stats";

export interface LoadResult {
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  statusCodes: Record<string, number>;
}

export async function load(baseUrl: string, path: string, options: { connections: number; seconds: number; cookie?: string }): Promise<LoadResult> {
  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: baseUrl + path,
        connections: options.connections,
        duration: options.seconds,
        headers: { "accept-encoding": "gzip", ...(options.cookie ? { cookie: options.cookie } : {}) },
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = await finished;
  times.sort((a, b) => a - b);
  return {
    path,
    connections: options.connections,
    seconds: options.seconds,
    requests: times.length,
    requestsPerSecond: round(times.length / options.seconds, 1),
    p50Ms: round(percentile(times, 50), 1),
    p95Ms: round(percentile(times, 95), 1),
    p99Ms: round(percentile(times, 99), 1),
    failures: result.non2xx + result.errors, // errors include timeouts
    statusCodes,
  };
}

export interface BundleSize {
  path: string;
  scripts: number;
  gzipBytes: number;
}

/**
 * First-load JavaScript of a page as a modern browser gets it: every script the served HTML
 * loads (<script src>), gzipped, without the noModule polyfills that modern browsers skip.
 * Chunks a page loads later (lazy components) are not first-load and are not counted.
 */
export async function firstLoadJs(baseUrl: string, path: string, cookie?: string, cache = new Map<string, number>()): Promise<BundleSize> {
  const headers = cookie ? { cookie } : undefined;
  const response = await fetch(baseUrl + path, { headers, redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}, so its scripts cannot be measured.`);
  const html = await response.text();
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attributes) => !/\bnoModule\b/i.test(attributes))
    .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
    .filter((src): src is string => Boolean(src));
  let total = 0;
  for (const src of new Set(sources)) {
    if (!cache.has(src)) {
      const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
      cache.set(src, gzipSync(body).length);
    }
    total += cache.get(src)!;
  }
  return { path, scripts: new Set(sources).size, gzipBytes: total };
}
