import "server-only";
import { createHash } from "node:crypto";
import { controlSensitiveTotal, DISCLOSURE_METHOD, DISCLOSURE_METHOD_VERSION, type PublishedTotal } from "../disclosure/sensitive-totals";
import { formatQuarter } from "../periods";
import { canonicalJson, figureChanges, type PublicSource, type ReleaseContent } from "../releases/content";
import { unsafeFundingByQuarter, unsafeFundingStatements, unsafeFundingTotals } from "./funding";
import type { Tx } from "./prisma";
import { unsafeIndicatorQuarters, unsafeIndicatorSummaries } from "./results";
import { isApproved, periodLabel } from "./sql";

// Releases: the public record of each partnership, one numbered, dated, immutable row per change
// of its public figures (prisma/schema.prisma, model Release). Approving or reopening a quarter
// calls publishRelease in the same transaction; the seed calls it as it replays the record.
// Reading releases is ./releases.ts.

const iso = (d: Date) => d.toISOString().slice(0, 10);

function omit<T extends object, K extends keyof T>(row: T, key: K): Omit<T, K> {
  const copy = { ...row };
  delete copy[key];
  return copy;
}

/** A sensitive indicator's figure in one release, with the true values behind it (never public). */
interface SensitiveBasis extends PublishedTotal {
  values: Record<string, number>;
}
type Basis = Record<string, SensitiveBasis>;

const publicSource = (s: { title: string; publisher: string; publishedOn: Date | string | null; url: string | null } | null): PublicSource | null =>
  s ? { title: s.title, publisher: s.publisher, publishedOn: s.publishedOn instanceof Date ? iso(s.publishedOn) : s.publishedOn, url: s.url } : null;

function statusOn(
  p: { signedOn: Date; endsOn: Date | null; status: ReleaseContent["partnership"]["status"] },
  at: Date,
): ReleaseContent["partnership"]["status"] {
  if (at < p.signedOn) return "PLANNED";
  if (p.endsOn) return at >= p.endsOn ? "CONCLUDED" : "ACTIVE";
  return p.status;
}

/** Approved values of the partnership's sensitive indicators, by indicator code and quarter key. */
async function sensitiveValues(tx: Tx, partnershipId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await tx.$queryRawUnsafe<{ code: string; key: string; value: string }[]>(
    `SELECT i.code, ${periodLabel("p")} || '.' || s.version::text AS key, m.value::text AS value
     FROM "Measurement" m
     JOIN "Submission" s ON s.id = m."submissionId"
     JOIN "ReportingPeriod" p ON p.id = s."periodId"
     JOIN "Indicator" i ON i.id = m."indicatorId"
     WHERE s."partnershipId" = $1 AND ${isApproved("s")} AND m.cell = '' AND m.value IS NOT NULL AND i.sensitive
     ORDER BY p.year, p.quarter`,
    partnershipId,
  );
  const byCode = new Map<string, Record<string, number>>();
  for (const row of rows) (byCode.get(row.code) ?? byCode.set(row.code, {}).get(row.code)!)[row.key] = Number(row.value);
  return byCode;
}

/** Every sensitive total published so far, per indicator code, and the values behind them. */
async function publishedHistory(tx: Tx, partnershipId: string) {
  const rows = await tx.release.findMany({ where: { partnershipId }, select: { basis: true }, orderBy: { number: "asc" } });
  const history = new Map<string, { published: PublishedTotal[]; truth: Map<string, number> }>();
  for (const row of rows) {
    for (const [code, basis] of Object.entries(row.basis as unknown as Basis)) {
      const entry = history.get(code) ?? history.set(code, { published: [], truth: new Map() }).get(code)!;
      entry.published.push({ counted: basis.counted, rounded: basis.rounded });
      for (const [key, value] of Object.entries(basis.values)) entry.truth.set(key, value);
    }
  }
  return history;
}

/** The public figures as they stand now, after disclosure control against every earlier release. */
async function buildContent(tx: Tx, partnershipId: string, at: Date): Promise<{ content: ReleaseContent; basis: Basis }> {
  const p = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    include: {
      factsSource: true,
      otherSources: { orderBy: { key: "asc" } },
      members: { include: { organization: true } },
      objectives: { orderBy: { sortOrder: "asc" } },
      milestones: { include: { source: true }, orderBy: { occurredOn: "asc" } },
      results: { include: { source: true, organization: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  // One after another: a transaction has one connection.
  const statements = await unsafeFundingStatements(tx, p.id);
  const usd = await unsafeFundingTotals(tx, p.id, "USD");
  const php = await unsafeFundingTotals(tx, p.id, "PHP");
  const quarters = await unsafeFundingByQuarter(tx, p.id, "USD");
  const indicators = await unsafeIndicatorSummaries(tx, p.id);
  const sensitive = await sensitiveValues(tx, p.id);
  const history = await publishedHistory(tx, p.id);
  const basis: Basis = {};
  const results: ReleaseContent["results"] = [];
  const meta = new Map(
    (
      await tx.indicator.findMany({
        where: { objective: { partnershipId: p.id } },
        select: {
          code: true,
          direction: true,
          targets: { where: { scope: "YEAR" }, orderBy: { year: "asc" }, select: { year: true, value: true, illustrative: true } },
        },
      })
    ).map((i) => [i.code, i]),
  );
  for (const indicator of indicators) {
    if (indicator.unit === "TEXT") continue;
    const series = await unsafeIndicatorQuarters(tx, p.id, indicator.indicatorId);
    const common = {
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      responsible: indicator.responsible,
      sensitive: indicator.sensitive,
      totalIllustrative: indicator.actualIllustrative,
      objective: indicator.objectiveCode,
      direction: meta.get(indicator.code)?.direction,
      aggregation: indicator.aggregation,
      targets: (meta.get(indicator.code)?.targets ?? []).map((t) => ({ year: t.year, value: t.value.toFixed(), illustrative: t.illustrative })),
    };
    if (!indicator.sensitive) {
      results.push({
        ...common,
        total: indicator.actual === null ? null : String(Number(indicator.actual)),
        totalRounded: false,
        totalWithheld: null,
        counted: [],
        quarters: series.map((q) => ({ quarter: q.quarter, value: q.actual === null ? null : String(Number(q.actual)), illustrative: q.illustrative })),
      });
      continue;
    }
    const values = sensitive.get(indicator.code) ?? {};
    const counted = Object.keys(values);
    const past = history.get(indicator.code) ?? { published: [], truth: new Map<string, number>() };
    const truth = new Map([...past.truth, ...Object.entries(values)]);
    const figure = controlSensitiveTotal(past.published, truth, counted);
    basis[indicator.code] = { ...figure, values };
    results.push({
      ...common,
      total: figure.rounded === null ? null : String(figure.rounded),
      totalRounded: figure.rounded !== null,
      totalWithheld:
        figure.rounded === null && counted.length > 0
          ? "Withheld in this release: with the totals published before, it would narrow a count of fewer than 10 children."
          : null,
      counted,
      quarters: series.map((q) => ({ quarter: q.quarter, value: null, illustrative: q.illustrative })),
    });
  }

  const first = formatQuarter({ year: p.firstYear, quarter: p.firstQuarter });
  const content: ReleaseContent = {
    asOf: iso(at),
    partnership: {
      slug: p.slug,
      name: p.name,
      formalTitle: p.formalTitle,
      country: p.country,
      status: statusOn(p, at),
      summary: p.summary,
      signedOn: iso(p.signedOn),
      endsOn: p.endsOn ? iso(p.endsOn) : null,
      termNote: p.termNote,
      usFundingStatement: p.usFundingStatement,
      regions: p.regions,
      usLeadOffice: p.usLeadOffice,
      partnerLeadBody: p.partnerLeadBody,
      firstQuarter: first,
      lastQuarter: p.lastYear && p.lastQuarter ? formatQuarter({ year: p.lastYear, quarter: p.lastQuarter }) : first,
      sources: [p.factsSource, ...p.otherSources].flatMap((source) => publicSource(source) ?? []),
    },
    parties: p.members.map((m) => ({ name: m.organization.name, shortName: m.organization.shortName, role: m.role })),
    objectives: p.objectives.map((o) => ({ code: o.code, title: o.title, description: o.description })),
    milestones: p.milestones.map((m) => ({ on: iso(m.occurredOn), precision: m.precision, title: m.title, source: publicSource(m.source) })),
    headlineResults: p.results.map((r) => ({
      label: r.label,
      value: String(Number(r.value)),
      qualifier: r.qualifier,
      organization: r.organization?.shortName ?? null,
      statedOn: iso(r.statedOn),
      note: r.sourceNote,
      source: publicSource(r.source)!,
    })),
    funding: {
      // Public data carries no row ids.
      statements: statements.map((s) => ({ ...omit(s, "id"), source: publicSource(s.source) })),
      totals: { USD: usd.map((t) => omit(t, "partyId")), PHP: php.map((t) => omit(t, "partyId")) },
      // The public figures to date only: the dashboard's notes on each quarter stay on the dashboard.
      quarters: quarters.map((q) => ({
        quarter: q.quarter,
        party: q.party,
        pledged: q.pledged,
        delivered: q.delivered,
        cumulativePledged: q.cumulativePledged,
        cumulativeDelivered: q.cumulativeDelivered,
        illustrative: q.illustrative,
      })),
    },
    results,
    illustrativeNote:
      "Figures marked illustrative were generated for demonstration: they add up to the published totals but were not published quarter by quarter. A figure loses the mark when a real approved value replaces it.",
    disclosure: {
      method: DISCLOSURE_METHOD,
      version: DISCLOSURE_METHOD_VERSION,
      rule: "Counts of child victims and survivors are published only as totals to date, rounded to the nearest 10, and a total is withheld when, with every earlier release, it would let anyone narrow a count of fewer than 10 children. No such count is published by quarter.",
    },
  };
  return { content, basis };
}

export interface ReleaseEvent {
  trigger: "approval" | "reopening" | "statement";
  /** What happened, in public words (no names). */
  event: string;
  reason?: string | null;
  actorId?: string | null;
  /** The release's date; now unless the seed replays history. */
  at?: Date;
  dateIllustrative?: boolean;
}

/**
 * Publishes a new release of the partnership's public figures if they differ from the latest
 * release; returns its number, or null when nothing public changed. Call it inside the
 * transaction that changed the figures, so the release and the change commit together.
 */
export async function publishRelease(tx: Tx, partnershipId: string, event: ReleaseEvent): Promise<number | null> {
  // One publisher at a time per partnership: the numbers and the audit of earlier releases need it.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('release:' || $1))`, partnershipId);
  const at = event.at ?? new Date();
  const previous = await tx.release.findFirst({ where: { partnershipId }, orderBy: { number: "desc" }, select: { number: true, content: true } });
  const { content, basis } = await buildContent(tx, partnershipId, at);
  const previousContent = previous ? (JSON.parse(previous.content) as ReleaseContent) : null;
  // The date alone is not a change: compare the figures.
  if (previousContent && canonicalJson({ ...previousContent, asOf: null }) === canonicalJson({ ...content, asOf: null })) return null;
  const text = canonicalJson(content);
  const number = (previous?.number ?? 0) + 1;
  await tx.release.create({
    data: {
      partnershipId,
      number,
      publishedAt: at,
      dateIllustrative: event.dateIllustrative ?? false,
      trigger: event.trigger,
      event: event.event,
      reason: event.reason ?? null,
      actorId: event.actorId ?? null,
      method: DISCLOSURE_METHOD,
      methodVersion: DISCLOSURE_METHOD_VERSION,
      content: text,
      digest: createHash("sha256").update(text).digest("hex"),
      changes: figureChanges(previousContent, content) as unknown as object[],
      basis: basis as unknown as object,
    },
  });
  return number;
}
