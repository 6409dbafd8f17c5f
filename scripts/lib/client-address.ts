// Whose address a request is, for the per-address sign-in limit and the audit log.
// X-Forwarded-For is whatever the client sent, plus one address appended by each proxy on the
// way. Only the proxies are to be believed: with TRUSTED_PROXY_HOPS=n (n proxies in front of the
// app, each appending), the client is the n-th address from the right, counting the socket's
// peer as the rightmost. With no proxy (the default) the socket's peer is the client.
// scripts/serve.ts writes the result into the request's X-Forwarded-For before Next sees it.

export function trustedProxyHops(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  if (!/^\d+$/.test(value) || Number(value) > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app that append to X-Forwarded-For), not "${value}".`);
  }
  return Number(value);
}

const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const claimed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = hops > 0 ? [...claimed, socketAddress ?? "unknown"] : [socketAddress ?? "unknown"];
  return plain(chain[Math.max(0, chain.length - 1 - hops)]!);
}
