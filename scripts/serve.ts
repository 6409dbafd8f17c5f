// The production server npm start runs (scripts/start.ts spawns it): Next's request handler
// behind a plain Node HTTP server, so that the public record's pages and downloads are sent from
// memory like files (./lib/public-cache.ts). Everything else is Next's, as with `next start`.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { baselineHeaders, FALLBACK_CONTENT_SECURITY_POLICY } from "../lib/baseline-headers.js";
import { announcePublicChange } from "../lib/releases/epoch";
import { clientAddress, trustedProxyHops } from "./lib/client-address";
import { listenForPublicChanges } from "./lib/public-change-listener";
import { pinCacheControl, PublicCache } from "./lib/public-cache";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: projectRoot, port });
await app.prepare();
const handle = app.getRequestHandler();
// Several instances (REDIS_URL): copies are served only while this one hears the others' releases.
// When it hears one, it renders again at once the public pages it held copies of (the latest
// 20, two at a time), so that a visitor after an approval seldom waits for the render.
const listener = process.env.REDIS_URL
  ? listenForPublicChanges(process.env.REDIS_URL, () => {
      const held = cache.addresses().slice(0, 20);
      announcePublicChange();
      void renderAgain(held);
    })
  : null;
const cache = new PublicCache(listener ? () => listener.listening() : () => true);

async function renderAgain(addresses: { url: string; gzip: boolean }[]): Promise<void> {
  const next = addresses[Symbol.iterator]();
  const one = async (): Promise<void> => {
    for (let item = next.next(); !item.done; item = next.next()) {
      const { url, gzip } = item.value;
      await fetch(`http://127.0.0.1:${port}${url}`, { headers: { "accept-encoding": gzip ? "gzip" : "identity" } })
        .then((response) => response.arrayBuffer())
        .catch(() => {}); // a visitor's request renders it instead
    }
  };
  await Promise.all([one(), one()]);
}
const hops = trustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
const baseline = baselineHeaders(true);

const server = createServer((req, res) => {
  // The one address the app believes (./lib/client-address.ts), in place of the client's claim.
  req.headers["x-forwarded-for"] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  // Set first, so that every response has them, error pages included; Next and proxy.ts replace
  // the policy with the page's own.
  for (const { key, value } of baseline) res.setHeader(key, value);
  res.setHeader("Content-Security-Policy", FALLBACK_CONTENT_SECURITY_POLICY);
  if (cache.serve(req, res)) return;
  pinCacheControl(req, res);
  cache.capture(req, res);
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▲ Next.js production server (scripts/serve.ts) on port ${port}`));

// Stops taking connections, lets the requests under way finish (a load balancer sends the next
// ones elsewhere), then closes; whatever is still open after 5 s is cut.
const stop = () => {
  server.close(() => void Promise.all([app.close(), listener?.close()]).finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
