import "server-only";
import { requirePermission } from "../auth/guard";
import { can, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { formatQuarter, quarterRange, type Quarter } from "../periods";
import { checkNumber } from "../quarter/values";
import type { SetTarget, TargetKey } from "../validation/targets";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { requirePartnership } from "./partnership-access";
import type { Tx } from "./prisma";
import { isUniqueViolation } from "./quarter";

// Targets per indicator: for each year of the partnership, for its reporting quarters where
// wanted, and for its whole life. "No target set" is the absence of a row (null here), never a
// zero: clearing a target deletes its row. Administrators and the partnership's reviewers set
// them (target.manage); everyone who may view the dashboard reads them.

export interface TargetValue {
  value: string;
  note: string | null;
  /** Generated for the demo by the seed; a target set in the app is never illustrative. */
  illustrative: boolean;
}

export interface IndicatorTargets {
  id: string;
  code: string;
  name: string;
  unit: "COUNT" | "PERCENT" | "CURRENCY" | "TEXT";
  direction: "INCREASE" | "DECREASE" | "MAINTAIN";
  life: TargetValue | null;
  years: { year: number; target: TargetValue | null; quarters: { quarter: number; label: string; target: TargetValue | null }[] }[];
}

export interface TargetsPage {
  partnership: { slug: string; name: string; country: string };
  canManage: boolean;
  years: number[];
  objectives: { code: string; title: string; indicators: IndicatorTargets[] }[];
}

interface Bounds {
  firstYear: number;
  firstQuarter: number;
  lastYear: number | null;
  lastQuarter: number | null;
}

/** The partnership's reporting quarters (a partnership without an end has one quarter, as in ./sql.ts). */
function reportingQuarters(p: Bounds): Quarter[] {
  const first = { year: p.firstYear, quarter: p.firstQuarter };
  return quarterRange(first, p.lastYear && p.lastQuarter ? { year: p.lastYear, quarter: p.lastQuarter } : first);
}

const yearsOf = (quarters: Quarter[]) => [...new Set(quarters.map((q) => q.year))];

const boundsSelect = { firstYear: true, firstQuarter: true, lastYear: true, lastQuarter: true } as const;

const shownTarget = (t: { value: Prisma.Decimal; note: string | null; illustrative: boolean } | undefined): TargetValue | null =>
  t ? { value: t.value.toString(), note: t.note, illustrative: t.illustrative } : null;

/** Every indicator of the partnership by objective, with its targets for each year and quarter of the partnership and for its life. */
export async function getTargetsPage(actor: Actor | null, slug: string): Promise<TargetsPage> {
  const ref = await requirePartnership(actor, slug);
  const db = getDb();
  const [bounds, objectives] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: ref.id }, select: boundsSelect }),
    db.objective.findMany({
      where: { partnershipId: ref.id },
      orderBy: { sortOrder: "asc" },
      select: {
        code: true,
        title: true,
        indicators: {
          orderBy: { sortOrder: "asc" },
          select: {
            id: true,
            code: true,
            name: true,
            unit: true,
            direction: true,
            targets: { select: { scope: true, year: true, quarter: true, value: true, note: true, illustrative: true } },
          },
        },
      },
    }),
  ]);
  const quarters = reportingQuarters(bounds);
  const years = yearsOf(quarters);
  return {
    partnership: { slug: ref.slug, name: ref.name, country: ref.country },
    canManage: actor !== null && can(actor, "target.manage", { partnershipId: ref.id }),
    years,
    objectives: objectives.map((o) => ({
      code: o.code,
      title: o.title,
      indicators: o.indicators.map(({ targets, ...indicator }) => {
        const find = (scope: "YEAR" | "QUARTER" | "LIFE", year = 0, quarter = 0) =>
          shownTarget(targets.find((t) => t.scope === scope && t.year === year && t.quarter === quarter));
        return {
          ...indicator,
          life: find("LIFE"),
          years: years.map((year) => ({
            year,
            target: find("YEAR", year),
            quarters: quarters
              .filter((q) => q.year === year)
              .map((q) => ({ quarter: q.quarter, label: formatQuarter(q), target: find("QUARTER", year, q.quarter) })),
          })),
        };
      }),
    })),
  };
}

const CHANGED_MEANWHILE =
  "Someone else changed this target after you opened the page, so nothing was saved. Reload the page to see the target as it is now, then try again.";

const periodName = (key: TargetKey) =>
  key.scope === "LIFE" ? "the life of the partnership" : key.scope === "YEAR" ? String(key.year) : formatQuarter({ year: key.year, quarter: key.quarter });

/**
 * The indicator and its target for the key, once the actor may manage the partnership's targets,
 * the year and quarter are the partnership's, and the stored value is still the one the page
 * showed (`expected`).
 */
async function loadTarget(tx: Tx, actor: Actor | null, key: TargetKey) {
  const indicator = await tx.indicator.findUnique({
    where: { id: key.indicatorId },
    select: { id: true, code: true, unit: true, objective: { select: { partnership: { select: { id: true, ...boundsSelect } } } } },
  });
  if (!indicator) throw new AppError("NOT_FOUND", "That indicator does not exist. Reload the page.");
  const partnership = indicator.objective.partnership;
  const manager = requirePermission(actor, "target.manage", { partnershipId: partnership.id });

  const quarters = reportingQuarters(partnership);
  const years = yearsOf(quarters);
  if (key.scope !== "LIFE" && !years.includes(key.year)) {
    throw new AppError("VALIDATION", "Some fields need attention: see the messages under them.", {
      year: [`Choose a year of the partnership, from ${years[0]} to ${years[years.length - 1]}.`],
    });
  }
  if (key.scope === "QUARTER" && !quarters.some((q) => q.year === key.year && q.quarter === key.quarter)) {
    const [first, last] = [quarters[0]!, quarters[quarters.length - 1]!];
    throw new AppError("VALIDATION", "Some fields need attention: see the messages under them.", {
      quarter: [`Choose a quarter the partnership reports, from ${formatQuarter(first)} to ${formatQuarter(last)}.`],
    });
  }

  const existing = await tx.target.findUnique({
    where: { indicatorId_scope_year_quarter: { indicatorId: indicator.id, scope: key.scope, year: key.year, quarter: key.quarter } },
  });
  const stillAsShown = existing ? key.expected !== "" && existing.value.equals(new Prisma.Decimal(key.expected)) : key.expected === "";
  if (!stillAsShown) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
  return { manager, indicator, partnershipId: partnership.id, existing };
}

const audited = (code: string, key: TargetKey, target: { value: Prisma.Decimal | string; note: string | null; illustrative: boolean }) => ({
  indicator: code,
  scope: key.scope,
  year: key.year,
  quarter: key.quarter,
  value: target.value.toString(),
  note: target.note,
  illustrative: target.illustrative,
});

/**
 * Sets a target (creates it, or changes the one the page showed), with its audit row, in one
 * transaction. Of two managers who set the same target from the same page, one wins and the
 * other is told to reload: the unique key refuses a second row, and a change applies only to
 * the value it was made against.
 */
export async function setTarget(actor: Actor | null, input: SetTarget): Promise<{ message: string }> {
  return getDb().$transaction(async (tx) => {
    const { manager, indicator, partnershipId, existing } = await loadTarget(tx, actor, input);
    const problem = indicator.unit === "TEXT" ? "A text indicator takes no numeric target." : checkNumber(indicator.unit, input.value, "A count target");
    if (problem) throw new AppError("VALIDATION", "Some fields need attention: see the messages under them.", { value: [problem] });

    const value = new Prisma.Decimal(input.value);
    const where = `${indicator.code} for ${periodName(input)}`;
    if (existing && existing.value.equals(value) && existing.note === input.note && !existing.illustrative) {
      return { message: `The target of ${where} was already ${value.toString()}: nothing changed.` };
    }
    const data = { value, note: input.note, illustrative: false };
    let id: string;
    if (existing) {
      const updated = await tx.target.updateMany({ where: { id: existing.id, value: existing.value }, data });
      if (updated.count === 0) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
      id = existing.id;
    } else {
      try {
        ({ id } = await tx.target.create({
          data: { indicatorId: indicator.id, scope: input.scope, year: input.year, quarter: input.quarter, ...data },
          select: { id: true },
        }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
        throw error;
      }
    }
    await recordAudit(tx, manager, {
      action: "target.set",
      entityType: "Target",
      entityId: id,
      partnershipId,
      before: existing ? audited(indicator.code, input, existing) : null,
      after: audited(indicator.code, input, data),
    });
    return { message: existing ? `Changed the target of ${where} to ${value.toString()}.` : `Set the target of ${where} to ${value.toString()}.` };
  });
}

/** Clears a target: its row is deleted, so the page says "No target set" again. With its audit row, in one transaction. */
export async function clearTarget(actor: Actor | null, input: TargetKey): Promise<{ message: string }> {
  return getDb().$transaction(async (tx) => {
    const { manager, indicator, partnershipId, existing } = await loadTarget(tx, actor, input);
    const where = `${indicator.code} for ${periodName(input)}`;
    if (!existing) return { message: `${where} had no target set: nothing changed.` };
    const deleted = await tx.target.deleteMany({ where: { id: existing.id, value: existing.value } });
    if (deleted.count === 0) throw new AppError("CONFLICT", CHANGED_MEANWHILE);
    await recordAudit(tx, manager, {
      action: "target.cleared",
      entityType: "Target",
      entityId: existing.id,
      partnershipId,
      before: audited(indicator.code, input, existing),
      after: null,
    });
    return { message: `Cleared the target of ${where}: it now shows "No target set".` };
  });
}

export interface MissingYearTarget {
  year: number;
  code: string;
  name: string;
}

/**
 * Per year of the partnership, the indicators with no YEAR target (text indicators take none),
 * in year and indicator order. Unchecked: the caller has checked the partnership.
 */
export async function unsafeIndicatorsWithoutYearTarget(db: Tx, partnershipId: string): Promise<MissingYearTarget[]> {
  return db.$queryRaw<MissingYearTarget[]>`
    WITH years AS (
      SELECT generate_series("firstYear", COALESCE("lastYear", "firstYear"))::int AS year FROM "Partnership" WHERE id = ${partnershipId}
    )
    SELECT y.year, i.code, i.name
    FROM years y
    CROSS JOIN "Indicator" i
    JOIN "Objective" o ON o.id = i."objectiveId"
    WHERE o."partnershipId" = ${partnershipId} AND i.unit <> 'TEXT'
      AND NOT EXISTS (SELECT 1 FROM "Target" t WHERE t."indicatorId" = i.id AND t.scope = 'YEAR' AND t.year = y.year)
    ORDER BY y.year, o."sortOrder", i."sortOrder"`;
}
