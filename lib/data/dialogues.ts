import "server-only";
import { requirePermission } from "../auth/guard";
import { can, seesRawFiguresOf, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { CurrencyCode } from "../money";
import type { ReleaseContent } from "../releases/content";
import type { AddDecision, RecordMinutes, SaveDialogue } from "../validation/dialogues";
import { packReadyEvent } from "../notifications/events";
import { recordAudit } from "./audit";
import { unsafeApprovedNarratives, type ApprovedNarrative } from "./narratives";
import { getDb } from "./db";
import { queueMails } from "./job-queue";
import { notify, reviewersOf } from "./notifications";
import { requirePartnership } from "./partnership-access";
import type { Tx } from "./prisma";
import { readReleaseUncached, releaseNumberAsOf } from "./releases";
import { isApproved } from "./sql";

// The annual high-level dialogue: its key indicators, and the pack a reviewer takes into it —
// each key indicator's annual target, actual and variance, its quarters and what stands behind
// each figure, and funding pledged against delivered, as of a release or the live figures.

export interface DialogueSummary {
  id: string;
  year: number;
  heldOn: string;
  place: string;
  participants: string;
  illustrative: boolean;
  indicators: { code: string; name: string; warnings: string[] }[];
}

type Row = { id: string; year: number; heldOn: string; place: string; participants: string; illustrative: boolean };
type KeyRow = { dialogueId: string; code: string; name: string; hasTarget: boolean; hasData: boolean };

/** A partnership's dialogues, newest first, with the warnings each key indicator raises for its year. */
export async function listDialogues(actor: Actor | null, slug: string) {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const dialogues = await db.$queryRaw<Row[]>`
    SELECT id, year, to_char("heldOn", 'YYYY-MM-DD') AS "heldOn", place, participants, illustrative
    FROM "Dialogue" WHERE "partnershipId" = ${partnership.id} ORDER BY year DESC`;
  const keys = await db.$queryRawUnsafe<KeyRow[]>(
    `SELECT d.id AS "dialogueId", i.code, i.name,
            EXISTS (SELECT 1 FROM "Target" t WHERE t."indicatorId" = i.id AND t.scope = 'YEAR' AND t.year = d.year) AS "hasTarget",
            EXISTS (SELECT 1 FROM "Measurement" m JOIN "Submission" s ON s.id = m."submissionId" JOIN "ReportingPeriod" p ON p.id = s."periodId"
                    WHERE m."indicatorId" = i.id AND m.cell = '' AND ${isApproved("s")} AND p.year = d.year) AS "hasData"
     FROM "Dialogue" d JOIN "DialogueIndicator" di ON di."dialogueId" = d.id JOIN "Indicator" i ON i.id = di."indicatorId"
     JOIN "Objective" o ON o.id = i."objectiveId"
     WHERE d."partnershipId" = $1 ORDER BY o."sortOrder", i."sortOrder"`,
    partnership.id,
  );
  const indicators = await db.indicator.findMany({
    where: { objective: { partnershipId: partnership.id } },
    orderBy: [{ objective: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: { code: true, name: true },
  });
  const years = await db.partnership.findUniqueOrThrow({ where: { id: partnership.id }, select: { firstYear: true, lastYear: true } });
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    canManage: actor !== null && can(actor, "dialogue.manage", { partnershipId: partnership.id }),
    years: Array.from({ length: (years.lastYear ?? years.firstYear) - years.firstYear + 1 }, (_, i) => years.firstYear + i),
    indicators,
    dialogues: dialogues.map((d): DialogueSummary => ({
      ...d,
      indicators: keys
        .filter((k) => k.dialogueId === d.id)
        .map((k) => ({
          code: k.code,
          name: k.name,
          warnings: [...(k.hasTarget ? [] : [`No annual target for ${d.year}`]), ...(k.hasData ? [] : [`No approved data for ${d.year}`])],
        })),
    })),
  };
}

/** Creates the dialogue of a year, or changes it: date, place, participants and key indicators. */
export async function saveDialogue(actor: Actor | null, input: SaveDialogue): Promise<{ id: string; created: boolean }> {
  const { mails, ...saved } = await getDb().$transaction(async (tx) => {
    const partnership = await tx.partnership.findUnique({ where: { slug: input.slug }, select: { id: true, name: true, firstYear: true, lastYear: true } });
    if (!partnership) throw new AppError("NOT_FOUND", "There is no partnership at this address.");
    const manager = requirePermission(actor, "dialogue.manage", { partnershipId: partnership.id });
    if (input.year < partnership.firstYear || input.year > (partnership.lastYear ?? partnership.firstYear)) {
      throw new AppError("VALIDATION", "Choose a year of the partnership.", {
        year: [`The partnership runs ${partnership.firstYear}–${partnership.lastYear ?? "today"}.`],
      });
    }
    const indicators = await tx.indicator.findMany({
      where: { code: { in: input.indicators }, objective: { partnershipId: partnership.id } },
      select: { id: true, code: true },
    });
    const unknown = input.indicators.filter((code) => !indicators.some((i) => i.code === code));
    if (unknown.length > 0)
      throw new AppError("VALIDATION", "Choose the partnership's own indicators.", { indicators: [`Not an indicator here: ${unknown.join(", ")}.`] });
    const existing = await tx.dialogue.findUnique({
      where: { partnershipId_year: { partnershipId: partnership.id, year: input.year } },
      include: { indicators: { include: { indicator: { select: { code: true } } } } },
    });
    const data = { heldOn: new Date(`${input.heldOn}T00:00:00Z`), place: input.place, participants: input.participants, illustrative: false };
    const dialogue = existing
      ? await tx.dialogue.update({ where: { id: existing.id }, data })
      : await tx.dialogue.create({ data: { ...data, partnershipId: partnership.id, year: input.year, createdById: manager.id } });
    await tx.dialogueIndicator.deleteMany({ where: { dialogueId: dialogue.id } });
    await tx.dialogueIndicator.createMany({ data: indicators.map((i) => ({ dialogueId: dialogue.id, indicatorId: i.id })) });
    const shape = (d: { heldOn: Date; place: string; participants: string }, codes: string[]) => ({
      year: input.year,
      heldOn: d.heldOn.toISOString().slice(0, 10),
      place: d.place,
      participants: d.participants,
      indicators: [...codes].sort(),
    });
    await recordAudit(tx, manager, {
      action: "dialogue.save",
      entityType: "Dialogue",
      entityId: dialogue.id,
      partnershipId: partnership.id,
      before: existing
        ? shape(
            existing,
            existing.indicators.map((i) => i.indicator.code),
          )
        : null,
      after: shape(dialogue, input.indicators),
    });
    // Its pack is ready once it has key indicators: the reviewers and administrators hear of it, once.
    const admins = await tx.user.findMany({ where: { role: "ADMIN" }, select: { id: true } });
    const mails =
      indicators.length === 0
        ? []
        : await notify(tx, {
            ...packReadyEvent({ dialogueId: dialogue.id, slug: input.slug, partnership: partnership.name, year: input.year, heldOn: input.heldOn }),
            userIds: [...(await reviewersOf(tx, partnership.id)), ...admins.map((a) => a.id)],
          });
    return { id: dialogue.id, created: !existing, mails };
  });
  await queueMails(mails);
  return saved;
}

export interface PackIndicator {
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  direction: "INCREASE" | "DECREASE" | "MAINTAIN";
  aggregation: "SUM" | "LATEST" | "MAX";
  target: string | null;
  targetIllustrative: boolean;
  /** The year's figure by the indicator's own rule; null when there is none (or it was withheld). */
  actual: string | null;
  variance: string | null;
  variancePercent: string | null;
  /** Whether the actual meets the target in the direction that counts as good; null without both. */
  met: boolean | null;
  quarters: { quarter: string; value: string | null; basis: string }[];
  /** The indicator's figure for each year of the partnership with data, by its own rule. */
  trend: { year: number; actual: string | null }[];
}

export interface DialoguePack {
  partnership: { slug: string; name: string };
  dialogue: Omit<DialogueSummary, "indicators">;
  /** What the figures are: a numbered release, or the live approved figures (not yet published). */
  basis: { kind: "release"; number: number; publishedAt: string } | { kind: "live"; at: string };
  releases: { number: number; publishedAt: string }[];
  indicators: PackIndicator[];
  /** The approved narratives of the year for the key indicators' objectives (not part of any release). */
  narratives: ApprovedNarrative[];
  /** Review comments on the year's reports that are not approved yet: what is still open. */
  openIssues: { quarter: string; organization: string; status: string; indicator: string | null; author: string; at: string; body: string }[];
  funding: {
    fromRelease: number;
    totals: Record<CurrencyCode, { party: string; committed: string; delivered: string; deliveredIllustrative: boolean }[]>;
    statements: {
      party: string;
      label: string;
      amount: string;
      currency: CurrencyCode;
      exchangeRate: string;
      rateDate: string;
      statedOn: string;
      source: string | null;
    }[];
  } | null;
  illustrativeNote: string | null;
}

type QuarterRow = { code: string; quarter: string; value: string | null; basis: string };
type FigureRow = {
  code: string;
  target: string | null;
  targetIllustrative: boolean;
  actual: string | null;
  variance: string | null;
  variancePercent: string | null;
};

/**
 * The pack of one dialogue. `asOf`: a release number, "live", or null for the release in force on
 * the dialogue's date (the live figures when there was none).
 */
export async function getDialoguePack(actor: Actor | null, slug: string, id: string, asOf: number | "live" | null): Promise<DialoguePack> {
  const partnership = await requirePartnership(actor, slug);
  const db = getDb();
  const dialogue = await db.dialogue.findFirst({
    where: { id, partnershipId: partnership.id },
    include: {
      indicators: {
        include: {
          indicator: {
            select: {
              id: true,
              code: true,
              name: true,
              unit: true,
              direction: true,
              aggregation: true,
              objective: { select: { sortOrder: true, code: true } },
              sortOrder: true,
            },
          },
        },
      },
    },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "There is no such dialogue for this partnership.");
  const heldOn = dialogue.heldOn.toISOString().slice(0, 10);
  const number = asOf === "live" ? null : (asOf ?? (await releaseNumberAsOf(slug, heldOn)));
  const release = number === null ? null : await readReleaseUncached(slug, number);
  if (number !== null && !release) throw new AppError("NOT_FOUND", `There is no release ${number} of this partnership.`);
  const keys = dialogue.indicators.map((k) => k.indicator).sort((a, b) => a.objective.sortOrder - b.objective.sortOrder || a.sortOrder - b.sortOrder);
  const ids = keys.map((k) => k.id);

  // Each quarter of the year: from the release's published series, or from the approved reports.
  // Every quarter of the partnership (for the trend); the year's for the figures.
  const allQuarters = release
    ? await db.$queryRawUnsafe<QuarterRow[]>(
        `SELECT s->>'code' AS code, q->>'quarter' AS quarter, q->>'value' AS value,
                CASE WHEN q->>'value' IS NULL THEN 'not published' ELSE 'published in release ' || $3::text END AS basis
         FROM jsonb_array_elements(($1::jsonb)->'results') s, jsonb_array_elements(s->'quarters') q
         WHERE s->>'code' = ANY($2::text[])`,
        JSON.stringify(release.summary),
        keys.map((k) => k.code),
        String(number),
      )
    : await db.$queryRawUnsafe<QuarterRow[]>(
        `SELECT i.code, p.year::text || 'Q' || p.quarter::text AS quarter, trim_scale(m.value)::text AS value,
                'approved ' || to_char(s."approvedAt", 'YYYY-MM-DD') || ' (' || o."shortName" || ')' AS basis
         FROM "Measurement" m JOIN "Submission" s ON s.id = m."submissionId" JOIN "ReportingPeriod" p ON p.id = s."periodId"
         JOIN "Indicator" i ON i.id = m."indicatorId" JOIN "Organization" o ON o.id = s."organizationId"
         WHERE m."indicatorId" = ANY($1::text[]) AND m.cell = '' AND ${isApproved("s")}`,
        ids,
      );
  const quarters = allQuarters.filter((q) => q.quarter.startsWith(`${dialogue.year}Q`));
  const trend = await db.$queryRawUnsafe<{ code: string; year: number; actual: string | null }[]>(
    `WITH q AS (SELECT code, left(quarter, 4)::int AS year, quarter, value FROM jsonb_to_recordset($1::jsonb) AS x(code text, quarter text, value numeric))
     SELECT i.code, q.year,
            trim_scale(CASE i.aggregation
              WHEN 'SUM' THEN SUM(q.value)
              WHEN 'MAX' THEN MAX(q.value)
              ELSE (array_agg(q.value ORDER BY q.quarter DESC) FILTER (WHERE q.value IS NOT NULL))[1]
            END)::text AS actual
     FROM q JOIN "Indicator" i ON i.code = q.code AND i.id = ANY($2::text[])
     GROUP BY i.code, i.aggregation, q.year ORDER BY i.code, q.year`,
    JSON.stringify(allQuarters.map((q) => ({ code: q.code, quarter: q.quarter, value: q.value }))),
    ids,
  );

  // The year's actual by each indicator's rule, its target and the variance, in SQL.
  const figures = await db.$queryRawUnsafe<FigureRow[]>(
    `WITH q AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, quarter text, value numeric)),
     actual AS (
       SELECT i.code,
              CASE i.aggregation
                WHEN 'SUM' THEN (SELECT SUM(value) FROM q WHERE q.code = i.code)
                WHEN 'MAX' THEN (SELECT MAX(value) FROM q WHERE q.code = i.code)
                ELSE (SELECT value FROM q WHERE q.code = i.code AND value IS NOT NULL ORDER BY quarter DESC LIMIT 1)
              END AS actual,
              t.value AS target, COALESCE(t.illustrative, false) AS "targetIllustrative"
       FROM "Indicator" i LEFT JOIN "Target" t ON t."indicatorId" = i.id AND t.scope = 'YEAR' AND t.year = $3
       WHERE i.id = ANY($2::text[]))
     SELECT code, trim_scale(target)::text AS target, "targetIllustrative", trim_scale(actual)::text AS actual,
            trim_scale(actual - target)::text AS variance,
            CASE WHEN target > 0 THEN round((actual - target) / target * 100, 1)::text END AS "variancePercent"
     FROM actual`,
    JSON.stringify(quarters.map((q) => ({ code: q.code, quarter: q.quarter, value: q.value }))),
    ids,
    dialogue.year,
  );

  const fundingRelease = release ?? (await readReleaseUncached(slug, null));
  const objectiveCodes = [...new Set(keys.map((k) => k.objective.code))];
  const narratives = (await unsafeApprovedNarratives(db, partnership.id, objectiveCodes, dialogue.year)).filter(
    (n) => actor !== null && seesRawFiguresOf(actor, n.organizationId),
  );
  const releases = await db.release.findMany({
    where: { partnershipId: partnership.id },
    orderBy: { number: "asc" },
    select: { number: true, publishedAt: true },
  });
  const openIssues = await db.$queryRawUnsafe<(DialoguePack["openIssues"][number] & { organizationId: string })[]>(
    `SELECT p.year::text || 'Q' || p.quarter::text AS quarter, o."shortName" AS organization, o.id AS "organizationId", s.status::text AS status,
            CASE WHEN i.id IS NULL THEN NULL ELSE i.code || ' ' || i.name END AS indicator, u.name AS author,
            to_char(c."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, c.body
     FROM "Comment" c JOIN "Submission" s ON s.id = c."submissionId" JOIN "ReportingPeriod" p ON p.id = s."periodId"
     JOIN "Organization" o ON o.id = s."organizationId" JOIN "User" u ON u.id = c."authorId" LEFT JOIN "Indicator" i ON i.id = c."indicatorId"
     WHERE s."partnershipId" = $1 AND p.year = $2 AND NOT ${isApproved("s")}
     ORDER BY p.quarter, o."shortName", c."createdAt"`,
    partnership.id,
    dialogue.year,
  );
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    openIssues: openIssues
      .filter((c) => actor !== null && seesRawFiguresOf(actor, c.organizationId))
      .map((c) => ({ quarter: c.quarter, organization: c.organization, status: c.status, indicator: c.indicator, author: c.author, at: c.at, body: c.body })),
    dialogue: { id: dialogue.id, year: dialogue.year, heldOn, place: dialogue.place, participants: dialogue.participants, illustrative: dialogue.illustrative },
    basis: release
      ? { kind: "release", number: release.release.number, publishedAt: release.release.publishedAt }
      : { kind: "live", at: new Date().toISOString() },
    releases: releases.map((r) => ({ number: r.number, publishedAt: r.publishedAt.toISOString() })),
    indicators: keys.map((k): PackIndicator => {
      const figure = figures.find((f) => f.code === k.code);
      const met =
        figure?.actual == null || figure.target == null
          ? null
          : k.direction === "DECREASE"
            ? Number(figure.actual) <= Number(figure.target)
            : k.direction === "INCREASE"
              ? Number(figure.actual) >= Number(figure.target)
              : figure.actual === figure.target;
      return {
        code: k.code,
        name: k.name,
        unit: k.unit,
        direction: k.direction,
        aggregation: k.aggregation,
        target: figure?.target ?? null,
        targetIllustrative: figure?.targetIllustrative ?? false,
        actual: figure?.actual ?? null,
        variance: figure?.variance ?? null,
        variancePercent: figure?.variancePercent ?? null,
        met,
        quarters: quarters.filter((q) => q.code === k.code).sort((a, b) => a.quarter.localeCompare(b.quarter)),
        trend: trend.filter((t) => t.code === k.code).map((t) => ({ year: t.year, actual: t.actual })),
      };
    }),
    narratives,
    funding: fundingRelease ? fundingOf(fundingRelease.release.number, fundingRelease.summary) : null,
    illustrativeNote: fundingRelease?.summary.illustrativeNote ?? null,
  };
}

function fundingOf(number: number, content: ReleaseContent): DialoguePack["funding"] {
  return {
    fromRelease: number,
    totals: content.funding.totals,
    statements: content.funding.statements
      .filter((s) => s.latest && s.countsInTotals)
      .map((s) => ({
        party: s.party,
        label: s.label,
        amount: s.amount,
        currency: s.currency,
        exchangeRate: s.exchangeRate,
        rateDate: s.rateDate,
        statedOn: s.statedOn,
        source: s.source ? `${s.source.title} (${s.source.publisher})${s.source.url ? `, ${s.source.url}` : ""}` : null,
      })),
  };
}

/** The key indicators' figures as a pack showed them: what decisions link to. */
export interface PackFigure {
  code: string;
  name: string;
  unit: PackIndicator["unit"];
  target: string | null;
  actual: string | null;
  variance: string | null;
  variancePercent: string | null;
}

export interface DialogueRecord {
  canManage: boolean;
  minutes: string | null;
  recordedAt: string | null;
  /** The figures kept when the record was first written, and what they were as of. */
  figures: PackFigure[];
  basis: string | null;
  decisions: { id: string; text: string; indicatorCodes: string[]; createdAt: string }[];
}

/** What was recorded after a dialogue: minutes, decisions, and the figures kept with them. */
export async function getDialogueRecord(actor: Actor | null, slug: string, id: string): Promise<DialogueRecord> {
  const partnership = await requirePartnership(actor, slug);
  const dialogue = await getDb().dialogue.findFirst({
    where: { id, partnershipId: partnership.id },
    include: { decisions: { orderBy: { createdAt: "asc" } } },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "There is no such dialogue for this partnership.");
  const kept = (dialogue.packAtDialogue ?? null) as { basis: string; figures: PackFigure[] } | null;
  return {
    canManage: actor !== null && can(actor, "dialogue.manage", { partnershipId: partnership.id }),
    minutes: dialogue.minutes,
    recordedAt: dialogue.recordedAt?.toISOString() ?? null,
    figures: kept?.figures ?? [],
    basis: kept?.basis ?? null,
    decisions: dialogue.decisions.map((d) => ({ id: d.id, text: d.text, indicatorCodes: d.indicatorCodes, createdAt: d.createdAt.toISOString() })),
  };
}

/** The dialogue a manager records against, with its figures kept the first time anything is recorded. */
async function dialogueForRecord(tx: Tx, actor: Actor | null, slug: string, id: string) {
  const dialogue = await tx.dialogue.findFirst({
    where: { id, partnership: { slug } },
    include: { indicators: { include: { indicator: { select: { code: true } } } } },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "There is no such dialogue for this partnership.");
  const manager = requirePermission(actor, "dialogue.manage", { partnershipId: dialogue.partnershipId });
  return { dialogue, manager, keyCodes: dialogue.indicators.map((i) => i.indicator.code) };
}

/**
 * The pack as it stands by default (the release in force on the dialogue's date), read before the
 * write's transaction opens, for the record to keep if it is the first thing recorded.
 */
async function figuresToKeep(actor: Actor | null, slug: string, id: string) {
  const pack = await getDialoguePack(actor, slug, id, null);
  const figures: PackFigure[] = pack.indicators.map((k) => ({
    code: k.code,
    name: k.name,
    unit: k.unit,
    target: k.target,
    actual: k.actual,
    variance: k.variance,
    variancePercent: k.variancePercent,
  }));
  const basis =
    pack.basis.kind === "release"
      ? `release ${pack.basis.number} of ${pack.basis.publishedAt.slice(0, 10)}`
      : `the live figures of ${pack.basis.at.slice(0, 10)}`;
  return { basis, figures: figures.map((f) => ({ ...f })) };
}

/** Keeps the figures with the dialogue the first time anything is recorded; later records leave them as they were. */
async function keepFigures(tx: Tx, dialogueId: string, kept: Awaited<ReturnType<typeof figuresToKeep>>) {
  await tx.dialogue.updateMany({ where: { id: dialogueId, recordedAt: null }, data: { recordedAt: new Date(), packAtDialogue: kept } });
}

export async function recordMinutes(actor: Actor | null, input: RecordMinutes): Promise<void> {
  const kept = await figuresToKeep(actor, input.slug, input.dialogueId);
  await getDb().$transaction(async (tx) => {
    const { dialogue, manager } = await dialogueForRecord(tx, actor, input.slug, input.dialogueId);
    await keepFigures(tx, dialogue.id, kept);
    await tx.dialogue.update({ where: { id: dialogue.id }, data: { minutes: input.minutes } });
    await recordAudit(tx, manager, {
      action: "dialogue.minutes",
      entityType: "Dialogue",
      entityId: dialogue.id,
      partnershipId: dialogue.partnershipId,
      before: dialogue.minutes === null ? null : { minutes: dialogue.minutes },
      after: { minutes: input.minutes },
    });
  });
}

export async function addDecision(actor: Actor | null, input: AddDecision): Promise<void> {
  const kept = await figuresToKeep(actor, input.slug, input.dialogueId);
  await getDb().$transaction(async (tx) => {
    const { dialogue, manager, keyCodes } = await dialogueForRecord(tx, actor, input.slug, input.dialogueId);
    const foreign = input.indicators.filter((code) => !keyCodes.includes(code));
    if (foreign.length > 0) {
      throw new AppError("VALIDATION", "Link a decision to the dialogue's key indicators.", {
        indicators: [`Not a key indicator of this dialogue: ${foreign.join(", ")}.`],
      });
    }
    await keepFigures(tx, dialogue.id, kept);
    const decision = await tx.dialogueDecision.create({
      data: { dialogueId: dialogue.id, text: input.text, indicatorCodes: [...new Set(input.indicators)].sort(), createdById: manager.id },
    });
    await recordAudit(tx, manager, {
      action: "dialogue.decision",
      entityType: "Dialogue",
      entityId: dialogue.id,
      partnershipId: dialogue.partnershipId,
      after: { decision: decision.text, indicators: decision.indicatorCodes },
    });
  });
}
