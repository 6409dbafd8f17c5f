// What the login page says for each code next-auth returns (authorize() throws "Code:minutes").
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is not right. Check them and try again.",
  AccountLocked:
    "Too many failed sign-ins for this account: sign-in is refused for {minutes} minutes. Try again then, or ask an administrator to reset your password.",
  AddressLimited: "Too many sign-in attempts from your network today: sign-in is refused for {minutes} minutes.",
  SessionRequired: "Sign in to see that page.",
  TwoStepRequired: "Enter the 6-digit code your authenticator app shows for Compact Tracker, or one of your recovery codes.",
  TwoStepWrong: "That code is not right, or it was used already. Enter the newest code your app shows, or a recovery code.",
  ServerError: "Sign-in is not available right now because of a problem on the server. Try again in a minute.",
};

export function signInMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const [name = "", minutes = ""] = code.split(":");
  const template = MESSAGES[name] ?? "Sign-in did not work. Try again in a moment.";
  return template.replace("{minutes}", /^\d+$/.test(minutes) ? minutes : "15");
}

const HOME = "/dashboard";
const THIS_SITE = "http://this-site.invalid";

/**
 * Only a path of this site may be returned to after sign-in. The value is read as a browser
 * reads a URL (tabs and newlines dropped anywhere, leading and trailing controls and spaces
 * trimmed, backslashes taken as "/", "." and ".." segments resolved), and refused when the
 * result is another site or a path that starts "//" (which a browser would take as one). What
 * comes back is the parsed path, percent-encoded, so it is also safe in a Location header.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next) return HOME;
  const asRead = next
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "")
    .replace(/\\/g, "/");
  if (!asRead.startsWith("/") || asRead.startsWith("//")) return HOME;
  let url: URL;
  try {
    url = new URL(asRead, THIS_SITE);
  } catch {
    return HOME;
  }
  if (url.origin !== THIS_SITE || url.pathname.startsWith("//")) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
