import "server-only";
import { describeChanges, eventLabel, type Change, type Names } from "../audit/changes";
import { readAuditFilters, type AuditFilters, type AuditQuery } from "../audit/filters";
import { can, roleLabel, type Actor, type Role } from "../auth/permissions";
import { Prisma } from "../generated/prisma/client";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import { periodLabel } from "./sql";

export interface AuditRow {
  id: string;
  occurredAt: string;
  /** The acting user's email; null when no one was signed in (a failed sign-in, the seed). */
  actor: string | null;
  /** The acting user's organization (short name) and role as they are now, not as they were then. */
  organization: string | null;
  currentRole: string | null;
  action: string;
  event: string;
  /** Whom a user-management or sign-in event is about, when that is not the acting user. */
  subject: string | null;
  quarter: string | null;
  changes: Change[];
}

/** Rows a page shows; the CSV holds every row the filters match, up to its own bound. */
export const PAGE_ROWS = 500;
export const CSV_ROWS = 50_000;

interface RawRow {
  id: string;
  occurredAt: string;
  actor: string | null;
  organization: string | null;
  role: Role | null;
  action: string;
  subject: string | null;
  quarter: string | null;
  before: unknown;
  after: unknown;
  total: number;
}

const FIGURE = "'^-?[0-9]+(\\.[0-9]+)?$'";

/**
 * A report event that changed one of the indicator's cells (figures compared as numbers, cells
 * never entered left out), its measurement note or its evidence link: what lib/data/quarter.ts
 * `auditedValues` records, before and after. Also a comment on the indicator, and a change to
 * one of its targets (both record the indicator's code).
 */
const touchesIndicator = (code: string) => Prisma.sql`(e."entityType" IN ('Comment', 'Target') AND COALESCE(e.after, e.before)->>'indicator' = ${code}::text)
  OR e."entityType" = 'Submission' AND (
  EXISTS (
    SELECT 1 FROM jsonb_each_text(COALESCE(e.before->'values'->${code}::text, '{}'::jsonb)) b
    FULL JOIN jsonb_each_text(COALESCE(e.after->'values'->${code}::text, '{}'::jsonb)) a ON a.key = b.key
    WHERE CASE WHEN a.value ~ ${Prisma.raw(FIGURE)} AND b.value ~ ${Prisma.raw(FIGURE)} THEN a.value::numeric <> b.value::numeric
               ELSE a.value IS DISTINCT FROM b.value END)
  OR jsonb_strip_nulls(COALESCE(e.before->'notes'->${code}::text, '{}'::jsonb))
     IS DISTINCT FROM jsonb_strip_nulls(COALESCE(e.after->'notes'->${code}::text, '{}'::jsonb)))`;

/**
 * The events a partnership's log holds for this actor: those recorded against the partnership,
 * and for administrators also the user-management and sign-in events (recorded with no
 * partnership) about users assigned to it, or whose access to it a change gave or took away.
 */
function scopeOf(partnershipId: string, withUserEvents: boolean) {
  if (!withUserEvents) return Prisma.sql`e."partnershipId" = ${partnershipId}`;
  const members = Prisma.sql`SELECT up."userId" FROM "UserPartnership" up WHERE up."partnershipId" = ${partnershipId}`;
  return Prisma.sql`(e."partnershipId" = ${partnershipId} OR (
    e."entityType" = 'User' AND (e.action LIKE 'user.%' OR e.action LIKE 'auth.%') AND (
      e."entityId" IN (${members})
      OR (e.action = 'auth.sign_in_failed' AND e.after->>'email' IN (SELECT m.email FROM "User" m WHERE m.id IN (${members})))
      OR e.before->'partnershipIds' @> jsonb_build_array(${partnershipId}::text)
      OR e.after->'partnershipIds' @> jsonb_build_array(${partnershipId}::text))))`;
}

function filterConditions(filters: AuditFilters, indicatorCode: string | null) {
  const conditions: Prisma.Sql[] = [];
  if (filters.quarter) conditions.push(Prisma.sql`p.year = ${filters.quarter.year}::int AND p.quarter = ${filters.quarter.quarter}::int`);
  if (filters.user) conditions.push(Prisma.sql`lower(e."actorEmail") = ${filters.user}::text`);
  if (filters.event) conditions.push(Prisma.sql`e.action = ${filters.event}::text`);
  if (indicatorCode) conditions.push(touchesIndicator(indicatorCode));
  return conditions;
}

/**
 * A partnership's audit events, newest first, with each change in words, filtered by the query
 * string's quarter, indicator, user and event (lib/audit/filters.ts). A filter that cannot be
 * right comes back as a problem to show, with no rows.
 */
export async function listAuditEvents(actor: Actor | null, slug: string, query: AuditQuery, options: { limit?: number } = {}) {
  const partnership = await requirePartnership(actor, slug, "audit.view");
  const db = getDb();
  const withUserEvents = actor !== null && can(actor, "user.manage");
  const scope = scopeOf(partnership.id, withUserEvents);
  const { filters, problems } = readAuditFilters(query);

  let indicatorCode: string | null = null;
  if (filters.indicator) {
    const indicator = await db.indicator.findFirst({
      where: { code: { equals: filters.indicator, mode: "insensitive" }, objective: { partnershipId: partnership.id } },
      select: { code: true },
    });
    if (indicator) indicatorCode = indicator.code;
    else problems.push(`There is no indicator ${filters.indicator} in ${partnership.name}: check the code on the indicator's page.`);
  }

  const [users, actions] = await Promise.all([
    db.$queryRaw<{ email: string }[]>`
      SELECT DISTINCT lower(e."actorEmail") AS email FROM "AuditEvent" e WHERE ${scope} AND e."actorEmail" IS NOT NULL ORDER BY 1`,
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT e.action FROM "AuditEvent" e WHERE ${scope} ORDER BY 1`,
  ]);
  const base = {
    partnership: { slug: partnership.slug, name: partnership.name },
    filters: { ...filters, ...(indicatorCode ? { indicator: indicatorCode } : {}) },
    withUserEvents,
    users: users.map((u) => u.email),
    events: actions.map((a) => ({ action: a.action, label: eventLabel(a.action) })),
  };
  if (problems.length > 0) return { ...base, problems, rows: [] as AuditRow[], total: 0 };

  const where = Prisma.join(
    [scope, ...filterConditions(filters, indicatorCode)].map((c) => Prisma.sql`(${c})`),
    " AND ",
  );
  const raw = await db.$queryRaw<RawRow[]>`
    SELECT e.id::text AS id, to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
           e."actorEmail" AS actor, o."shortName" AS organization, u.role::text AS role, e.action,
           CASE WHEN e."entityType" = 'User' THEN COALESCE(su.email, e.after->>'email') END AS subject,
           CASE WHEN p.id IS NULL THEN NULL ELSE ${Prisma.raw(periodLabel("p"))} END AS quarter,
           e.before, e.after, (count(*) OVER ())::int AS total
    FROM "AuditEvent" e
    LEFT JOIN "Submission" s ON s.id = CASE e."entityType" WHEN 'Submission' THEN e."entityId" WHEN 'Comment' THEN e.after->>'submissionId' END
    LEFT JOIN "ReportingPeriod" p ON p.id = s."periodId"
    LEFT JOIN "User" u ON u.id = e."actorId"
    LEFT JOIN "Organization" o ON o.id = u."organizationId"
    LEFT JOIN "User" su ON e."entityType" = 'User' AND su.id = e."entityId"
    WHERE ${where}
    ORDER BY e."occurredAt" DESC, e.id DESC
    LIMIT ${options.limit ?? PAGE_ROWS}`;

  const names: Names = withUserEvents ? await namesOfIds() : {};
  const rows: AuditRow[] = raw.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    actor: r.actor,
    organization: r.organization,
    currentRole: r.role ? roleLabel[r.role] : null,
    action: r.action,
    event: eventLabel(r.action),
    subject: r.subject && r.subject !== r.actor ? r.subject : null,
    quarter: r.quarter,
    changes: describeChanges(r.action, r.before, r.after, names),
  }));
  return { ...base, problems, rows, total: raw[0]?.total ?? 0 };
}

/** Organizations (short name) and partnerships (name) by id: user events record ids. */
async function namesOfIds(): Promise<Names> {
  const rows = await getDb().$queryRaw<{ id: string; name: string }[]>`
    SELECT id, "shortName" AS name FROM "Organization" UNION ALL SELECT id, name FROM "Partnership"`;
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
