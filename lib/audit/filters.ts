// The audit log's filters, read from the query string the page, the CSV link and other pages
// (a quarter's "history of this quarter", an indicator's history) use:
//   ?quarter=2019Q3&indicator=O1.1&user=someone@example.org&event=submission.return
// Pure: a value that cannot be right becomes a message for the reader, never an error page.
import { parseQuarter, type Quarter } from "../periods";

export interface AuditFilters {
  quarter?: Quarter;
  indicator?: string;
  user?: string;
  event?: string;
}

export type AuditQuery = Record<string, string | string[] | undefined>;

export const FILTER_NAMES = ["quarter", "indicator", "user", "event"] as const;

const INDICATOR_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const EVENT_NAME = /^[a-z_]+\.[a-z_]+$/;
/** Not a full check of an address: enough to say "this is not one" to someone who typed a name. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The first value of a parameter, trimmed; absent or blank is no filter. */
function first(value: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

/** Shown back in a message: short, on one line. */
const quoted = (v: string) => `“${v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").slice(0, 40)}${v.length > 40 ? "…" : ""}”`;

export function readAuditFilters(query: AuditQuery): { filters: AuditFilters; problems: string[] } {
  const filters: AuditFilters = {};
  const problems: string[] = [];
  const quarter = first(query.quarter);
  if (quarter !== undefined) {
    const parsed = parseQuarter(quarter);
    if (parsed) filters.quarter = parsed;
    else problems.push(`${quoted(quarter)} is not a quarter: write the year and quarter, for example 2019Q3.`);
  }
  const indicator = first(query.indicator);
  if (indicator !== undefined) {
    if (INDICATOR_CODE.test(indicator)) filters.indicator = indicator;
    else problems.push(`${quoted(indicator)} is not an indicator code: use a code such as O1.1, as the indicator pages show it.`);
  }
  const user = first(query.user);
  if (user !== undefined) {
    if (user.length <= 254 && EMAIL.test(user)) filters.user = user.toLowerCase();
    else problems.push(`${quoted(user)} is not an email address: choose a user from the list.`);
  }
  const event = first(query.event);
  if (event !== undefined) {
    if (event.length <= 64 && EVENT_NAME.test(event)) filters.event = event;
    else problems.push(`${quoted(event)} is not an event of the audit log: choose one from the list.`);
  }
  return { filters, problems };
}

/** The query string for these filters ("" when there are none), for links that keep them. */
export function auditQueryString(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.quarter) params.set("quarter", `${filters.quarter.year}Q${filters.quarter.quarter}`);
  if (filters.indicator) params.set("indicator", filters.indicator);
  if (filters.user) params.set("user", filters.user);
  if (filters.event) params.set("event", filters.event);
  const query = params.toString();
  return query ? `?${query}` : "";
}
