// Whose address a request is, for the per-address sign-in limit and the audit log. With no proxy
// configured, X-Forwarded-For is the client's own claim and is ignored: the socket's peer counts.
// Each trusted proxy appends the address it saw, so with n hops the client is the n-th entry from
// the right. Expected addresses are written out by hand.
import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "../../scripts/lib/client-address";

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", 0)).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", ["198.51.100.1", "198.51.100.2"], 0)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", "10.9.9.9", 0)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "10.9.9.9", 0)).toBe("unknown");
  });

  it("is the address the trusted proxies saw, not what the client put in front of it", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the one proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.2", "203.0.113.5", 1)).toBe("203.0.113.5");
    // Two proxies: a CDN then a load balancer.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.5, 192.0.2.10", 2)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.2", ["1.1.1.1, 203.0.113.5", "192.0.2.10"], 2)).toBe("203.0.113.5");
  });

  it("falls back to the nearest address when the header is shorter than the hops configured", () => {
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.5", 3)).toBe("203.0.113.5");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and takes a whole number up to 10", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
  });

  it.each(["-1", "1.5", "eleven", "11", "true"])("refuses %j with a sentence", (value) => {
    expect(() => trustedProxyHops(value)).toThrow(
      `TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (the proxies in front of the app that append to X-Forwarded-For), not "${value}".`,
    );
  });
});
