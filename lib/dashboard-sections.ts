/**
 * The overview's sections that the server renders only when a reader asks for them, so that the
 * page's first load stays light (issue 19): they are named in the address, `?show=statements,reporting`,
 * so an open view can be shared by link like the filters.
 */
export const ON_DEMAND_SECTIONS = ["statements", "organizations", "reporting"] as const;
export type OnDemandSection = (typeof ON_DEMAND_SECTIONS)[number];

type Query = Record<string, string | string[] | undefined>;

/** The sections `show` asks for; unknown words are ignored. Accepts `show=a,b` and `show=a&show=b`. */
export function shownSections(show: Query[string]): Set<OnDemandSection> {
  const words = (Array.isArray(show) ? show : [show ?? ""]).flatMap((value) => value.split(","));
  return new Set(ON_DEMAND_SECTIONS.filter((section) => words.includes(section)));
}

/** `show`'s value for these sections, in a fixed order ("" for none). */
export function showValue(sections: Iterable<string>): string {
  const wanted = new Set(sections);
  return ON_DEMAND_SECTIONS.filter((s) => wanted.has(s)).join(",");
}

/** `path` with `params`, its `show` replaced by these sections (dropped for none). */
export function addressWith(path: string, params: URLSearchParams, sections: Iterable<string>): string {
  const next = new URLSearchParams(params);
  const show = showValue(sections);
  if (show) next.set("show", show);
  else next.delete("show");
  const search = next.toString().replaceAll("%2C", ",");
  return search ? `${path}?${search}` : path;
}

/** The same address with `section` shown too, keeping the other parameters (the first value of each). */
export function addressShowing(path: string, query: Query, section: OnDemandSection): string {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) => (key === "show" || value === undefined ? [] : [[key, Array.isArray(value) ? (value[0] ?? "") : value]])),
  );
  return addressWith(path, params, [...shownSections(query.show), section]);
}
