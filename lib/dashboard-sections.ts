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

/** The same address with `section` shown too, keeping the other parameters (the first value of each). */
export function addressShowing(path: string, query: Query, section: OnDemandSection): string {
  const shown = shownSections(query.show);
  shown.add(section);
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) => (key === "show" || value === undefined ? [] : [[key, Array.isArray(value) ? (value[0] ?? "") : value]])),
  );
  params.set("show", ON_DEMAND_SECTIONS.filter((s) => shown.has(s)).join(","));
  return `${path}?${params.toString().replaceAll("%2C", ",")}`;
}
