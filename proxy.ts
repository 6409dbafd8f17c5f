// Runs before every page and route: sends signed-out visitors of /dashboard to /login and back,
// renews the idle timer of a live session, and sets the Content-Security-Policy.
// It protects nothing by itself: every page, server action and route handler checks the
// session and the permission again on the server.
import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import {
  ABSOLUTE_SECONDS,
  authSecret,
  IDLE_SECONDS,
  nowSeconds,
  RENEW_AFTER_SECONDS,
  secondsLeft,
  SESSION_COOKIE,
  secureCookies,
  sessionCookieOptions,
} from "@/lib/auth/session-policy";
import { isKnownPartnershipSlug } from "@/lib/data/partnership-slugs";
import { releaseNumberAsOf } from "@/lib/data/releases";
import { cachedPageContentSecurityPolicy, isSignedInPath, nonceContentSecurityPolicy } from "@/lib/security-headers";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A NUL character names nothing here, and PostgreSQL text cannot hold one.
  if (/%00/.test(pathname + search)) return new NextResponse("Bad request: the address contains a NUL character.", { status: 400 });
  if (!decodes(pathname)) return new NextResponse("Bad request: the address has a %-escape that is not UTF-8 text.", { status: 400 });
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = await refuseMalformedAction(request);
    if (refusal) return refusal;
  }
  const unknown = await unknownPartnership(pathname);
  if (!unknown && request.nextUrl.searchParams.has("asOf")) {
    const asOf = await releaseInForce(request);
    if (asOf) return asOf;
  }
  if (unknown === "api") return NextResponse.json({ code: "NOT_FOUND", message: "There is no partnership at this address." }, { status: 404 });
  const secret = authSecret();
  const token = await getToken({ req: request, secret, cookieName: SESSION_COOKIE, secureCookie: secureCookies });
  const left = secondsLeft(token);

  if (pathname.startsWith("/dashboard") && left <= 0) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    if (token) response.cookies.set(SESSION_COOKIE, "", { ...sessionCookieOptions, maxAge: 0 });
    return response;
  }

  const requestHeaders = new Headers(request.headers);
  let csp: string;
  if (isSignedInPath(pathname)) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    csp = nonceContentSecurityPolicy(nonce);
    requestHeaders.set("x-nonce", nonce);
    // Next reads the nonce from the request's policy and puts it on the scripts it renders.
    requestHeaders.set("Content-Security-Policy", csp);
  } else {
    csp = cachedPageContentSecurityPolicy();
  }
  // An unknown partnership's summary is answered by the app's not-found page (prerendered, so
  // nothing is stored per address).
  const response =
    unknown === "page"
      ? NextResponse.rewrite(new URL("/_unknown-partnership", request.url), { request: { headers: requestHeaders } })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);

  // Sliding idle timeout: re-issue the cookie with a fresh lastSeen, never past the absolute limit.
  const isPrefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (token && left > 0 && !isPrefetch && typeof token.lastSeen === "number" && nowSeconds() - token.lastSeen >= RENEW_AFTER_SECONDS) {
    const now = nowSeconds();
    const maxAge = Math.min(IDLE_SECONDS, (token.authTime ?? now) + ABSOLUTE_SECONDS - now);
    response.cookies.set(SESSION_COOKIE, await encode({ token: { ...token, lastSeen: now }, secret, maxAge }), {
      ...sessionCookieOptions,
      maxAge,
    });
  }
  return response;
}

/** Next's default limit on a server action's body (experimental.serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Next answers a server action's body over 1 MB, or one it cannot decode, by throwing (a 500).
 * Such requests come from scripts, not the app's forms: refuse them with a sentence. The body is
 * read from a copy; Next passes the original on to the action.
 */
async function refuseMalformedAction(request: NextRequest): Promise<NextResponse | null> {
  const length = request.headers.get("content-length");
  if (length === null || Number(length) > ACTION_BODY_LIMIT) {
    const message = length === null ? "Send the form with its length (Content-Length)." : "What was sent is larger than 1 MB: shorten the text and try again.";
    return NextResponse.json({ code: "VALIDATION", message }, { status: length === null ? 411 : 413 });
  }
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      // React's encoding: the arguments as JSON in field "0" (absent for a form posted without script).
      const root = (await request.clone().formData()).get("0");
      if (typeof root === "string") JSON.parse(root);
    } else {
      JSON.parse(await request.clone().text());
    }
    return null;
  } catch {
    return NextResponse.json({ code: "VALIDATION", message: "The form could not be read: reload the page and send it again." }, { status: 400 });
  }
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const PUBLIC_SUMMARY = /^\/(api\/public\/)?partnerships\/([^/]+)(?:\/releases(?:\/[^/]+)?)?(\/summary\.(?:json|csv))?\/?$/;

/**
 * ?asOf=YYYY-MM-DD on a partnership's summary or its downloads: a redirect to the release that
 * was in force at the end of that day, at its stable address. Null when the address is not one.
 */
async function releaseInForce(request: NextRequest): Promise<NextResponse | null> {
  const match = /^\/(api\/public\/)?partnerships\/([^/]+)(\/summary\.(json|csv))?\/?$/.exec(request.nextUrl.pathname);
  if (!match || (match[1] !== undefined) !== (match[3] !== undefined)) return null;
  const api = match[1] !== undefined;
  const date = request.nextUrl.searchParams.get("asOf") ?? "";
  const slug = decodeURIComponent(match[2]!);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    const message = "asOf must be a date written YYYY-MM-DD, for example 2019-11-20.";
    return api ? NextResponse.json({ code: "VALIDATION", message }, { status: 400 }) : new NextResponse(message, { status: 400 });
  }
  const number = await releaseNumberAsOf(slug, date);
  if (number === null) {
    if (api) return NextResponse.json({ code: "NOT_FOUND", message: `Nothing had been published for this partnership by ${date}.` }, { status: 404 });
    return NextResponse.redirect(new URL(`/partnerships/${encodeURIComponent(slug)}/releases?asOf=${date}`, request.url));
  }
  const target = api
    ? `/api/public/partnerships/${encodeURIComponent(slug)}/releases/${number}/summary.${match[4]}`
    : `/partnerships/${encodeURIComponent(slug)}/releases/${number}`;
  return NextResponse.redirect(new URL(target, request.url));
}

/** "page" or "api" when the address is a public summary of a partnership that does not exist. */
async function unknownPartnership(pathname: string): Promise<"page" | "api" | null> {
  const match = PUBLIC_SUMMARY.exec(pathname);
  if (!match || (match[1] !== undefined) !== (match[3] !== undefined)) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]!);
  } catch {
    return match[1] ? "api" : "page";
  }
  try {
    return (await isKnownPartnershipSlug(slug)) ? null : match[1] ? "api" : "page";
  } catch (error) {
    // The page and the route say what is wrong with the database; the proxy does not guess.
    console.error("[proxy] could not read the partnerships", error);
    return null;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
