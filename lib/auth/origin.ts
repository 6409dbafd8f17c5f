// The check Next makes for server actions, for route handlers that change data: the request's
// Origin must name the host it was sent to. Browsers send Origin with every POST, so a request
// without one did not come from a page. A page on another port of the same host is another
// origin and is refused (SameSite cookies would let it through: it is the same site).

/** The host the request was sent to, as the browser saw it (a proxy in front sets X-Forwarded-Host). */
function requestHost(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host") || new URL(request.url).host;
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host === requestHost(request);
  } catch {
    return false;
  }
}

/**
 * For downloads (GET), which carry no Origin: browsers say in Sec-Fetch-Site where a request
 * came from. A link on our own pages is "same-origin", an address typed or bookmarked "none";
 * another site's page, or a page on another port of this host ("same-site"), is refused. A
 * client that sends no such header is no browser page of another site; its session decides.
 */
export function isFromAnotherSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}
