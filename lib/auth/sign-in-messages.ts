// What the login page says for each code next-auth returns (authorize() throws "Code:minutes").
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is not right. Check them and try again.",
  AccountLocked:
    "Too many failed sign-ins for this account: sign-in is refused for {minutes} minutes. Try again then, or ask an administrator to reset your password.",
  AddressLimited: "Too many sign-in attempts from your network today: sign-in is refused for {minutes} minutes.",
  SessionRequired: "Sign in to see that page.",
  ServerError: "Sign-in is not available right now because of a problem on the server. Try again in a minute.",
};

export function signInMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const [name = "", minutes = ""] = code.split(":");
  const template = MESSAGES[name] ?? "Sign-in did not work. Try again in a moment.";
  return template.replace("{minutes}", /^\d+$/.test(minutes) ? minutes : "15");
}

/** Only same-site paths may be returned to after sign-in. */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/dashboard";
  return next;
}
