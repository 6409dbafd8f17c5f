import { z } from "zod";
import { CURRENCIES } from "../money";
import { parseQuarter } from "../periods";

const quarter = z
  .string()
  .optional()
  .transform((value) => (value && parseQuarter(value) ? value.toUpperCase() : undefined));
const code = z
  .string()
  .max(40)
  .regex(/^[A-Za-z0-9.\-]+$/)
  .optional()
  .catch(undefined);

/** The dashboard's filters, from the URL so a view can be shared by link. Bad values fall back. */
export const dashboardFiltersSchema = z.object({
  currency: z.enum(CURRENCIES).catch("USD").default("USD"),
  from: quarter.catch(undefined),
  to: quarter.catch(undefined),
  objective: code,
  partner: code,
  indicator: code,
});

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export function parseDashboardFilters(searchParams: Record<string, string | string[] | undefined>): DashboardFilters {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return dashboardFiltersSchema.parse(flat);
}
