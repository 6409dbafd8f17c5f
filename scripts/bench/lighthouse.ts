// Lighthouse (mobile, performance only) on a page of a running server, through npx: Lighthouse is
// not a dependency of the app. Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const LIGHTHOUSE = "lighthouse@12";
const CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

export interface LighthouseResult {
  url: string;
  lighthouseVersion: string;
  /** 0–100, as Lighthouse shows it. */
  performance: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  timeToInteractiveMs: number;
  largestContentfulPaintMs: number;
  firstContentfulPaintMs: number;
}

interface Report {
  lighthouseVersion: string;
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number }>;
}

const audit = (report: Report, id: string) => {
  const value = report.audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse's report has no figure for ${id}.`);
  return value;
};

/** One Lighthouse run; the cookie goes with every request (--extra-headers), as a signed-in browser's would. */
export async function lighthouse(url: string, cookie?: string): Promise<LighthouseResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "compact-lighthouse-"));
  try {
    const output = path.join(dir, "report.json");
    const args = [
      "--yes",
      LIGHTHOUSE,
      url,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${output}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      "--quiet",
    ];
    if (cookie) {
      const headers = path.join(dir, "headers.json");
      await writeFile(headers, JSON.stringify({ Cookie: cookie }));
      args.push(`--extra-headers=${headers}`);
    }
    await run("npx", args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(await readFile(output, "utf8")) as Report;
    if (report.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
    if (new URL(report.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse ended on ${report.finalDisplayedUrl}, not ${url}: was the session refused?`);
    }
    return {
      url,
      lighthouseVersion: report.lighthouseVersion,
      performance: Math.round((report.categories.performance.score ?? Number.NaN) * 100),
      totalBlockingTimeMs: Math.round(audit(report, "total-blocking-time")),
      cumulativeLayoutShift: Number(audit(report, "cumulative-layout-shift").toFixed(3)),
      timeToInteractiveMs: Math.round(audit(report, "interactive")),
      largestContentfulPaintMs: Math.round(audit(report, "largest-contentful-paint")),
      firstContentfulPaintMs: Math.round(audit(report, "first-contentful-paint")),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
