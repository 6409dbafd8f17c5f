/** What a pack's address asks for: ?release=N, ?live=1, or nothing (the release in force on the dialogue's date). */
export function readPackBasis(query: Record<string, string | string[] | undefined>): number | "live" | null | "invalid" {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const release = one(query.release);
  if (one(query.live) === "1") return release === undefined ? "live" : "invalid";
  if (release === undefined) return null;
  return /^[1-9]\d{0,5}$/.test(release) ? Number(release) : "invalid";
}
