// The audit log as CSV: the rows the page shows for the same filters, one line each, with the
// change list as one cell. Cells go through lib/csv.ts, which defuses spreadsheet formulas.
import type { AuditRow } from "../data/audit-log";
import { toCsv } from "../csv";
import { changesText } from "./changes";

export const AUDIT_CSV_HEADER = ["occurred_at_utc", "user", "organization", "current_role", "event", "action", "about_user", "quarter", "changes"];

export function auditCsv(rows: AuditRow[]): string {
  return toCsv(
    AUDIT_CSV_HEADER,
    rows.map((r) => [r.occurredAt, r.actor, r.organization, r.currentRole, r.event, r.action, r.subject, r.quarter, changesText(r.changes)]),
  );
}
