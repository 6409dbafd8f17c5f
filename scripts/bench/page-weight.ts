// What one page costs to send: the HTML document a browser gets on first load (its markup plus
// the inline RSC payload React hydrates from) and the RSC payload a client-side navigation
// fetches (the `RSC: 1` request), each as sent (bytes before compression) and gzipped.
import { gzipSync } from "node:zlib";

export interface PageWeight {
  path: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  rscBytes: number;
  rscGzipBytes: number;
  /** HTML plus the RSC: 1 response, uncompressed. It counts the payload twice (the HTML carries it inline), so the page weight is htmlBytes; kept to compare with earlier runs. */
  totalBytes: number;
}

async function body(url: string, headers: Record<string, string>): Promise<Buffer> {
  // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect to one.
  const response = await fetch(url, { headers, redirect: headers.RSC ? "follow" : "manual" });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, so its weight cannot be measured.`);
  return bytes;
}

export async function pageWeight(baseUrl: string, path: string, cookie?: string): Promise<PageWeight> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  // Streamed sections (Suspense) arrive in the same response, so the whole body is counted.
  const html = await body(baseUrl + path, headers);
  const rsc = await body(baseUrl + path, { ...headers, RSC: "1" });
  return {
    path,
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html).length,
    rscBytes: rsc.length,
    rscGzipBytes: gzipSync(rsc).length,
    totalBytes: html.length + rsc.length,
  };
}
