// The audit log in words: what each event's before/after JSON (written by lib/data/*) changed,
// as a list of "field: old → new". Pure, so the page, the CSV and the unit tests share it.
import { roleLabel, type Role } from "../auth/permissions";
import { NARRATIVE_PARTS } from "../quarter/narratives";
import { cellLabel } from "../dimensions";
import { submissionStatusLabel } from "../format";
import { contributionKinds } from "../validation/contributions";

export interface Change {
  field: string;
  from: string;
  to: string;
}

/** Ids that user events record (organization, partnerships), by the name to show for them. */
export type Names = Record<string, string>;

export const NONE = "—";

/** Every action the app records, in words; an action not listed shows as recorded. */
export const EVENT_LABELS: Record<string, string> = {
  "submission.save": "Quarter's report saved as draft",
  "submission.submit": "Quarter's report submitted",
  "submission.approve": "Quarter's report approved",
  "submission.return": "Quarter's report returned",
  "submission.reopen": "Quarter's report reopened",
  "contribution.record": "Contribution recorded",
  "contribution.remove": "Contribution removed",
  "comment.create": "Comment added",
  "target.set": "Target set",
  "target.cleared": "Target cleared",
  "dialogue.save": "Dialogue created or changed",
  "sustainability.save": "Sustainability plan written",
  "user.create": "User created",
  "user.change_access": "User's role or access changed",
  "user.disable": "User disabled",
  "user.enable": "User enabled again",
  "user.reset_password": "Password reset by an administrator",
  "user.change_own_password": "Own password changed",
  "user.two_step_started": "Two-step sign-in set-up started",
  "user.two_step_enabled": "Two-step sign-in turned on",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "security.refused": "Request refused",
};

export const eventLabel = (action: string) => EVENT_LABELS[action] ?? action;

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const objectOf = (v: unknown): JsonObject => (isObject(v) ? v : {});

/** A recorded value as text: empty is "—", strings as written, anything else as JSON. */
function text(value: Json | undefined): string {
  if (value === null || value === undefined || value === "") return NONE;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Figures compare by value ("12.50" is "12.5"); everything else as text. */
function same(a: string, b: string): boolean {
  const figure = /^-?\d+(\.\d+)?$/;
  return figure.test(a) && figure.test(b) ? Number(a) === Number(b) : a === b;
}

function change(field: string, from: string, to: string): Change[] {
  return same(from, to) ? [] : [{ field, from, to }];
}

const keysOf = (...objects: JsonObject[]) => [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();

const statusText = (v: Json | undefined) =>
  typeof v === "string" && v in submissionStatusLabel ? submissionStatusLabel[v as keyof typeof submissionStatusLabel] : text(v);

/** A quarter's report: status, each value cell, each note and evidence link, and the reason. */
function reportChanges(action: string, before: JsonObject, after: JsonObject): Change[] {
  const changes = change("status", statusText(before.status), statusText(after.status));
  const valuesBefore = objectOf(before.values);
  const valuesAfter = objectOf(after.values);
  for (const code of keysOf(valuesBefore, valuesAfter)) {
    const cellsBefore = objectOf(valuesBefore[code]);
    const cellsAfter = objectOf(valuesAfter[code]);
    for (const cell of keysOf(cellsBefore, cellsAfter).sort((a, b) => (a === "" ? -1 : b === "" ? 1 : 0))) {
      changes.push(...change(`${code} ${cellLabel(cell)}`, text(cellsBefore[cell]), text(cellsAfter[cell])));
    }
  }
  const notesBefore = objectOf(before.notes);
  const notesAfter = objectOf(after.notes);
  for (const code of keysOf(notesBefore, notesAfter)) {
    const b = objectOf(notesBefore[code]);
    const a = objectOf(notesAfter[code]);
    changes.push(...change(`${code} measurement note`, text(b.note), text(a.note)));
    changes.push(...change(`${code} evidence link`, text(b.evidence), text(a.evidence)));
  }
  const narrativesBefore = objectOf(before.narratives);
  const narrativesAfter = objectOf(after.narratives);
  for (const code of keysOf(narrativesBefore, narrativesAfter)) {
    const b = objectOf(narrativesBefore[code]);
    const a = objectOf(narrativesAfter[code]);
    for (const [part, label] of Object.entries(NARRATIVE_PARTS)) changes.push(...change(`${code} ${label.toLowerCase()}`, text(b[part]), text(a[part])));
  }
  if ("reason" in after || "reason" in before) {
    const field = action === "submission.reopen" ? "reason for reopening" : "return reason";
    changes.push(...change(field, text(before.reason), text(after.reason)));
  }
  return changes;
}

/** A target: "O2.1 target for 2019: 16 → 20", or "… → No target set" when cleared. */
function targetChanges(before: JsonObject, after: JsonObject): Change[] {
  const key = "scope" in after ? after : before;
  const period =
    key.scope === "YEAR" ? `for ${text(key.year)}` : key.scope === "QUARTER" ? `for ${text(key.year)}Q${text(key.quarter)}` : "for the partnership's life";
  const field = `${text(key.indicator)} target ${period}`;
  const value = (t: JsonObject) => ("value" in t ? text(t.value) : "No target set");
  return [...change(field, value(before), value(after)), ...change(`${text(key.indicator)} target note`, text(before.note), text(after.note))];
}

/** A contribution as one line: "Cash PHP 1000000 at 56.5 PHP per USD (rate of 2021-05-01, BSP)". */
function contributionText(c: JsonObject): string {
  const kind = typeof c.kind === "string" ? (contributionKinds[c.kind as keyof typeof contributionKinds] ?? c.kind) : "Contribution";
  const rate = c.exchangeRate ? ` at ${text(c.exchangeRate)} PHP per USD` : "";
  const rateSource = c.rateDate || c.rateSource ? ` (rate of ${[c.rateDate, c.rateSource].filter(Boolean).map(text).join(", ")})` : "";
  return `${kind} ${text(c.currency)} ${text(c.amount)}${rate}${rateSource}`;
}

const roleText = (v: Json | undefined) => (typeof v === "string" && v in roleLabel ? roleLabel[v as Role] : text(v));
const nameOf = (names: Names, v: Json | undefined) => (typeof v === "string" ? (names[v] ?? v) : text(v));
const namesText = (names: Names, v: Json | undefined) =>
  Array.isArray(v)
    ? v.length === 0
      ? "none"
      : v
          .map((id) => nameOf(names, id))
          .sort()
          .join(", ")
    : text(v);

/** A user's record as users.ts audits it (email, name, role, organization, disabled, partnerships). */
function userChanges(before: JsonObject, after: JsonObject, names: Names): Change[] {
  const fields: [string, string, (v: Json | undefined) => string][] = [
    ["email", "email", text],
    ["name", "name", text],
    ["role", "role", roleText],
    ["organizationId", "organization", (v) => nameOf(names, v)],
    ["partnershipIds", "partnerships", (v) => namesText(names, v)],
    ["disabled", "account", (v) => (v === true ? "Disabled" : v === false ? "Active" : text(v))],
  ];
  const known = new Set(fields.map(([key]) => key));
  return [
    ...fields.flatMap(([key, field, show]) => (key in before || key in after ? change(field, key in before ? show(before[key]) : NONE, show(after[key])) : [])),
    ...fallbackChanges(
      Object.fromEntries(Object.entries(before).filter(([k]) => !known.has(k))),
      Object.fromEntries(Object.entries(after).filter(([k]) => !known.has(k))),
    ),
  ];
}

/** Any other shape: each top-level key whose value differs. */
function fallbackChanges(before: JsonObject, after: JsonObject): Change[] {
  return keysOf(before, after).flatMap((key) => change(key, text(before[key]), text(after[key])));
}

/**
 * What an event changed, field by field. `names` turns the ids user events record into names;
 * an id it does not hold is shown as recorded.
 */
export function describeChanges(action: string, before: unknown, after: unknown, names: Names = {}): Change[] {
  const b = objectOf(before);
  const a = objectOf(after);
  if (action.startsWith("submission.")) return reportChanges(action, b, a);
  if (action === "contribution.record" || action === "contribution.remove") {
    return change("contribution", "kind" in b ? contributionText(b) : NONE, "kind" in a ? contributionText(a) : NONE);
  }
  if (action === "comment.create") return change(typeof a.indicator === "string" ? `comment on ${a.indicator}` : "comment", NONE, text(a.body));
  if (action === "target.set" || action === "target.cleared") return targetChanges(b, a);
  if (action.startsWith("user.")) return userChanges(b, a, names);
  if (action === "auth.sign_in" || action === "auth.sign_in_failed") {
    return [...change("email", NONE, text(a.email)), ...change("outcome", NONE, text(a.outcome))];
  }
  return fallbackChanges(b, a);
}

/** The change list as one line of text, for the CSV: "status: Submitted → Returned; …". */
export const changesText = (changes: Change[]) => changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join("; ");
