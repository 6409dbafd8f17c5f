// Headers every response carries. next.config.js adds them to Next's responses; the production
// server (scripts/serve.ts) sets them before Next answers, so that error pages, which skip
// next.config's headers, carry them too. Plain JavaScript: next.config.js imports it as is.

/**
 * @param {boolean} production
 * @returns {{ key: string, value: string }[]}
 */
export function baselineHeaders(production) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ];
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

/** For a response no page policy reached (an error before proxy.ts ran): nothing runs. */
export const FALLBACK_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
