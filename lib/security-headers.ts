// Content-Security-Policy for the two kinds of page (see docs/SECURITY.md):
// signed-in pages are rendered per request and get a nonce-based script policy; public pages
// are cached and shared, so they cannot carry a per-request nonce and allow the inline scripts
// Next writes into the HTML. Both forbid plugins, <base> and framing.

const dev = process.env.NODE_ENV === "development";

const common = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export function nonceContentSecurityPolicy(nonce: string): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, ...common].join("; ");
}

export function cachedPageContentSecurityPolicy(): string {
  return [`script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`, ...common].join("; ");
}

/** Paths rendered per request for a signed-in user (or about to sign in). */
export const isSignedInPath = (pathname: string) => pathname === "/dashboard" || pathname.startsWith("/dashboard/") || pathname === "/login";
