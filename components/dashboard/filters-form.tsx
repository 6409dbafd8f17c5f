import type { DashboardFilters } from "@/lib/validation/dashboard-filters";

const field = "mt-1 rounded border border-ink p-1";

/** A plain GET form: the filters live in the URL, so a view can be shared by link. */
export function FiltersForm(props: {
  action: string;
  filters: DashboardFilters;
  quarters: string[];
  objectives: { code: string; title: string }[];
  partners: { id: string; name: string }[];
  indicators: { code: string; name: string }[];
  /** The sections opened on demand (lib/dashboard-sections.ts), kept open when the filters change. */
  shown?: string[];
}) {
  const { filters } = props;
  return (
    <form method="get" action={props.action} className="flex flex-wrap items-end gap-3 border border-rule bg-base-lightest p-3" aria-label="Filters">
      {/* The sections open on demand; components/ui/on-demand-details.tsx keeps it up to date as they open and close. */}
      <input type="hidden" name="show" value={props.shown?.join(",") ?? ""} disabled={!props.shown?.length} data-keeps-sections />
      <label className="text-sm font-semibold">
        From
        <select name="from" defaultValue={filters.from ?? ""} className={`${field} block`}>
          <option value="">First quarter</option>
          {props.quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        To
        <select name="to" defaultValue={filters.to ?? ""} className={`${field} block`}>
          <option value="">Last quarter</option>
          {props.quarters.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        Currency
        <select name="currency" defaultValue={filters.currency} className={`${field} block`}>
          <option value="USD">USD</option>
          <option value="PHP">PHP</option>
        </select>
      </label>
      <label className="text-sm font-semibold">
        Objective
        <select name="objective" defaultValue={filters.objective ?? ""} className={`${field} block max-w-56`}>
          <option value="">All objectives</option>
          {props.objectives.map((o) => (
            <option key={o.code} value={o.code}>
              {o.code} {o.title}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        Implementing organization
        <select name="partner" defaultValue={filters.partner ?? ""} className={`${field} block`}>
          <option value="">All</option>
          {props.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        Indicator for the results chart
        <select name="indicator" defaultValue={filters.indicator ?? ""} className={`${field} block max-w-64`}>
          <option value="">First indicator</option>
          {props.indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.code} {i.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-primary px-4 py-1.5 font-semibold text-white">
        Apply
      </button>
    </form>
  );
}
