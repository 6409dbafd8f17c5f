// Loads the CPC partnerships: the published facts (./facts.ts) and, for the Philippines, the
// illustrative quarterly data (./illustrative.ts). Each partnership goes in one transaction and
// only if it is not there yet, so seeding twice changes nothing and a failure leaves no half.
import type { Db, Tx } from "../../lib/data/prisma";
import { publishRelease } from "../../lib/data/publish-release";
import { formatQuarter, quarterOfDate, reportDueOn } from "../../lib/periods";
import { isDemoWork } from "./demo-work";
import { commitments, milestones, objectives, organizations, otherPartnerships, philippines, results, sources, type OrganizationRef } from "./facts";
import {
  deliveries,
  dialogues,
  firstQuarter,
  sustainabilityPlans,
  indicators,
  lastQuarter,
  illustrativeNarrative,
  quarterlyDeliveries,
  quarterlyValues,
  reportingQuarters,
} from "./illustrative";

export interface SeedReport {
  created: string[];
  alreadyThere: string[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * demoWork: leave the demo's reports (./demo-work.ts) out of the approved history, for
 * seedDemoWork to write once the demo users exist.
 */
export async function seedDatabase(db: Db, options: { demoWork?: boolean } = {}): Promise<SeedReport> {
  const report: SeedReport = { created: [], alreadyThere: [] };
  await db.$transaction(
    async (tx) => {
      await upsertSources(tx);
      await upsertOrganizations(tx);
    },
    { timeout: 60_000 },
  );
  const philippinesExists = await db.partnership.findUnique({ where: { slug: philippines.slug }, select: { id: true } });
  if (philippinesExists) report.alreadyThere.push(philippines.slug);
  else {
    await db.$transaction((tx) => seedPhilippines(tx, options.demoWork ?? false), { timeout: 120_000 });
    report.created.push(philippines.slug);
  }
  for (const fact of otherPartnerships) {
    const exists = await db.partnership.findUnique({ where: { slug: fact.slug }, select: { id: true } });
    if (exists) report.alreadyThere.push(fact.slug);
    else {
      await db.$transaction((tx) => seedOtherPartnership(tx, fact), { timeout: 60_000 });
      report.created.push(fact.slug);
    }
  }
  return report;
}

async function upsertSources(tx: Tx) {
  const upsert = async (key: string, source: { title: string; publisher: string; publishedOn: string | null; url: string | null; note?: string }) => {
    const data = {
      title: source.title,
      publisher: source.publisher,
      publishedOn: source.publishedOn ? day(source.publishedOn) : null,
      url: source.url,
      note: source.note ?? null,
    };
    await tx.source.upsert({ where: { key }, create: { key, ...data }, update: {} });
  };
  for (const source of sources) await upsert(source.key, source);
  for (const fact of otherPartnerships) {
    await upsert(`cpc-${fact.slug}`, { ...fact.factsSource, publishedOn: null });
    if (fact.otherSource) await upsert(`cpc-${fact.slug}-2`, fact.otherSource);
  }
}

async function upsertOrganizations(tx: Tx) {
  for (const org of Object.values(organizations)) {
    await tx.organization.upsert({ where: { name: org.name }, create: { ...org }, update: {} });
  }
  for (const fact of otherPartnerships) {
    for (const name of fact.partners) {
      await tx.organization.upsert({
        where: { name },
        create: { name, shortName: shortNameOf(name), kind: "IMPLEMENTING_PARTNER" },
        update: {},
      });
    }
  }
}

/** "International Organization for Migration (IOM)" → "IOM". */
function shortNameOf(name: string): string {
  return /\(([^)]+)\)$/.exec(name)?.[1] ?? name;
}

async function organizationIds(tx: Tx): Promise<Record<OrganizationRef, string>> {
  const entries = await Promise.all(
    (Object.keys(organizations) as OrganizationRef[]).map(async (ref) => {
      const org = await tx.organization.findUniqueOrThrow({ where: { name: organizations[ref].name } });
      return [ref, org.id] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<OrganizationRef, string>;
}

async function sourceIds(tx: Tx): Promise<Record<string, string>> {
  const rows = await tx.source.findMany({ select: { id: true, key: true } });
  return Object.fromEntries(rows.map((row) => [row.key, row.id]));
}

async function seedPhilippines(tx: Tx, demoWork: boolean) {
  const orgs = await organizationIds(tx);
  const sourceId = await sourceIds(tx);
  const sourceOf = (key: string) => {
    const id = sourceId[key];
    if (!id) throw new Error(`Seed data cites an unknown source ${key}`);
    return id;
  };

  const partnership = await tx.partnership.create({
    data: {
      slug: philippines.slug,
      name: philippines.name,
      formalTitle: philippines.formalTitle,
      country: philippines.country,
      usLeadOffice: philippines.usLeadOffice,
      partnerLeadBody: philippines.partnerLeadBody,
      signedOn: day(philippines.signedOn),
      startsOn: day(philippines.startsOn),
      endsOn: day(philippines.endsOn),
      firstYear: firstQuarter.year,
      firstQuarter: firstQuarter.quarter,
      lastYear: lastQuarter.year,
      lastQuarter: lastQuarter.quarter,
      status: philippines.status,
      summary: philippines.summary,
      regions: [...philippines.regions],
      termNote: philippines.termNote,
      usFundingStatement: philippines.usFundingStatement,
      factsSourceId: sourceOf("S3"),
      otherSources: { connect: [{ id: sourceOf("S8") }] },
      members: { create: philippines.members.map((m) => ({ organizationId: orgs[m.org], role: m.role })) },
    },
  });

  const objectiveIds: Record<string, string> = {};
  for (const [index, objective] of objectives.entries()) {
    const row = await tx.objective.create({
      data: {
        partnershipId: partnership.id,
        code: objective.code,
        title: objective.title,
        description: "description" in objective ? objective.description : null,
        sortOrder: index + 1,
      },
    });
    objectiveIds[objective.code] = row.id;
  }

  const indicatorIds: Record<string, string> = {};
  for (const [index, spec] of indicators.entries()) {
    const objectiveId = objectiveIds[spec.objective];
    if (!objectiveId) throw new Error(`Indicator ${spec.code} names an unknown objective ${spec.objective}`);
    const row = await tx.indicator.create({
      data: {
        objectiveId,
        code: spec.code,
        name: spec.name,
        unit: spec.unit,
        aggregation: spec.aggregation,
        responsibleOrganizationId: orgs[spec.responsible],
        dimensions: spec.dimensions,
        cellsSumToTotal: spec.dimensions.length > 0,
        sensitive: spec.sensitive,
        sortOrder: index + 1,
      },
    });
    indicatorIds[spec.code] = row.id;
    const targets = [
      ...Object.entries(spec.yearTargets ?? {}).map(([year, value]) => ({ scope: "YEAR" as const, year: Number(year), quarter: 0, value })),
      ...(spec.lifeTarget === undefined ? [] : [{ scope: "LIFE" as const, year: 0, quarter: 0, value: spec.lifeTarget }]),
    ];
    if (targets.length > 0) {
      await tx.target.createMany({
        data: targets.map((t) => ({ ...t, value: String(t.value), indicatorId: row.id, illustrative: true })),
      });
    }
  }

  const quarters = reportingQuarters();
  const periodIds: string[] = [];
  for (const q of quarters) {
    const period = await tx.reportingPeriod.create({
      data: { partnershipId: partnership.id, year: q.year, quarter: q.quarter, dueOn: day(reportDueOn(q)) },
    });
    periodIds.push(period.id);
  }

  // The record replayed in date order: each published statement on its own date, each quarter's
  // report approved when it would have been (illustrative dates), and a release after each, as
  // approving a quarter in the app publishes one.
  const events = historyEvents(quarters.length);
  const valuesByIndicator = new Map(indicators.map((spec) => [spec.code, quarterlyValues(spec)]));
  const commitmentIds: Record<string, string> = {};
  const quartersDelivered = new Set<number>();
  for (const event of events) {
    const on = day(event.on);
    if (event.kind === "statement") {
      for (const m of milestones.filter((m) => m.on === event.on)) {
        await tx.milestone.create({
          data: { partnershipId: partnership.id, occurredOn: on, precision: m.precision, title: m.title, sourceId: m.source ? sourceOf(m.source) : null },
        });
      }
      for (const c of commitments.filter((c) => c.statedOn === event.on)) {
        const row = await tx.fundingCommitment.create({
          data: {
            partnershipId: partnership.id,
            figureKey: c.figureKey,
            fromOrganizationId: orgs[c.from],
            toOrganizationId: c.to ? orgs[c.to] : null,
            kind: c.kind,
            label: c.label,
            amount: c.amount,
            currency: c.currency,
            approximate: c.approximate,
            exchangeRate: c.exchangeRate,
            rateDate: day(c.rateDate),
            rateSource: c.rateSource,
            statedEquivalent: c.statedEquivalent ?? null,
            statedEquivalentCurrency: c.statedEquivalent ? (c.currency === "USD" ? "PHP" : "USD") : null,
            statedOn: on,
            sourceId: sourceOf(c.source),
            countsInTotals: c.countsInTotals ?? true,
            note: c.note ?? null,
          },
        });
        // Deliveries count against the latest statement of each figure.
        commitmentIds[c.figureKey] = row.id;
      }
      for (const [index, result] of results.entries()) {
        if (resultDate(result) !== event.on) continue;
        await tx.publishedResult.create({
          data: {
            partnershipId: partnership.id,
            indicatorId: indicatorIds[result.indicatorCode] ?? null,
            organizationId: orgs[result.org],
            label: result.label,
            value: String(result.value),
            qualifier: result.qualifier,
            statedOn: on,
            sourceId: sourceOf(result.source),
            sourceNote: result.sourceNote ?? null,
            sortOrder: index + 1,
          },
        });
      }
      await publishRelease(tx, partnership.id, { trigger: "statement", event: event.title, at: on });
      continue;
    }

    const { qIndex, reporter } = event;
    if (demoWork && isDemoWork(reporter, quarters[qIndex]!)) continue;
    const submission = await tx.submission.create({
      data: {
        partnershipId: partnership.id,
        periodId: periodIds[qIndex]!,
        organizationId: orgs[reporter],
        status: "APPROVED",
        illustrative: true,
        submittedAt: new Date(on.getTime() - 7 * DAY_MS),
        approvedAt: on,
      },
    });
    const rows = indicators
      .filter((spec) => spec.responsible === reporter)
      .flatMap((spec) => {
        const value = valuesByIndicator.get(spec.code)?.[qIndex];
        if (!value) return [];
        const indicatorId = indicatorIds[spec.code]!;
        return [
          { submissionId: submission.id, indicatorId, cell: "", value: String(value.total) },
          ...Object.entries(value.cells).map(([cell, v]) => ({ submissionId: submission.id, indicatorId, cell, value: String(v) })),
        ];
      });
    await tx.measurement.createMany({ data: rows });
    // A short narrative per objective the organization reports on (illustrative).
    const reported = [...new Set(indicators.filter((spec) => spec.responsible === reporter).map((spec) => spec.objective))];
    await tx.submissionNarrative.createMany({
      data: reported.map((code) => ({
        submissionId: submission.id,
        objectiveId: objectiveIds[code]!,
        ...illustrativeNarrative(code, formatQuarter(quarters[qIndex]!)),
      })),
    });
    // The quarter's illustrative deliveries are recorded with its first approved report.
    if (!quartersDelivered.has(qIndex)) {
      quartersDelivered.add(qIndex);
      await createDeliveries(tx, partnership.id, qIndex, periodIds[qIndex]!, orgs, commitmentIds);
    }
    await publishRelease(tx, partnership.id, {
      trigger: "approval",
      event: `${organizations[reporter].shortName}'s report for ${formatQuarter(quarters[qIndex]!)} approved (illustrative)`,
      at: on,
      dateIllustrative: true,
    });
  }

  // The sustainability plan of each objective (illustrative).
  for (const plan of sustainabilityPlans) {
    const objective = await tx.objective.findUniqueOrThrow({ where: { partnershipId_code: { partnershipId: partnership.id, code: plan.objective } } });
    await tx.sustainabilityPlan.create({
      data: {
        partnershipId: partnership.id,
        objectiveId: objective.id,
        continues: plan.continues,
        carriedBy: plan.carriedBy,
        indicatorsKept: plan.indicatorsKept,
        illustrative: true,
      },
    });
  }

  // A dialogue for each year, with its key indicators (illustrative; dates from the record where it has one).
  for (const d of dialogues) {
    await tx.dialogue.create({
      data: {
        partnershipId: partnership.id,
        year: d.year,
        heldOn: day(d.heldOn),
        place: d.place,
        participants: d.participants,
        illustrative: true,
        indicators: { create: d.indicators.map((code) => ({ indicatorId: indicatorIds[code]! })) },
      },
    });
  }
}

const DAY_MS = 86_400_000;

// The closeout page is undated; its results count from the partnership's end.
const resultDate = (result: (typeof results)[number]) => sources.find((s) => s.key === result.source)?.publishedOn ?? philippines.endsOn;

type HistoryEvent = { on: string; kind: "statement"; title: string } | { on: string; kind: "approval"; qIndex: number; reporter: OrganizationRef };

/** Every dated step of the seeded record, oldest first; statements before approvals on the same day. */
function historyEvents(quarterCount: number): HistoryEvent[] {
  const statementDates = new Set([...milestones.map((m) => m.on), ...commitments.map((c) => c.statedOn), ...results.map(resultDate)]);
  const titleOf = (on: string) => {
    const cited = new Set([
      ...milestones.filter((m) => m.on === on && m.source).map((m) => m.source!),
      ...commitments.filter((c) => c.statedOn === on).map((c) => c.source),
      ...results.filter((r) => resultDate(r) === on).map((r) => r.source),
    ]);
    const names = [...cited].map((key) => {
      const source = sources.find((s) => s.key === key)!;
      return `${source.title} (${source.publisher})`;
    });
    return names.length > 0 ? `Recorded from ${names.join("; ")}` : "Recorded from the partnership's timeline";
  };
  const reporters = [...new Set(indicators.map((spec) => spec.responsible))];
  const approvals: HistoryEvent[] = reportingQuarters()
    .slice(0, quarterCount)
    .flatMap((q, qIndex) =>
      reporters.map((reporter, r) => ({
        // Illustrative: each report approved some weeks after its quarter ended, one organization a few days after another.
        on: new Date(day(quarterEndIso(q)).getTime() + (30 + 4 * r) * DAY_MS).toISOString().slice(0, 10),
        kind: "approval" as const,
        qIndex,
        reporter,
      })),
    );
  return [...[...statementDates].map((on): HistoryEvent => ({ on, kind: "statement", title: titleOf(on) })), ...approvals].sort(
    (a, b) => a.on.localeCompare(b.on) || (a.kind === b.kind ? 0 : a.kind === "statement" ? -1 : 1),
  );
}

async function createDeliveries(
  tx: Tx,
  partnershipId: string,
  qIndex: number,
  periodId: string,
  orgs: Record<OrganizationRef, string>,
  commitmentIds: Record<string, string>,
) {
  for (const spec of deliveries) {
    const amount = quarterlyDeliveries(spec)[qIndex] ?? 0;
    if (amount === 0) continue;
    const commitment = await tx.fundingCommitment.findUnique({ where: { id: commitmentIds[spec.againstFigure] ?? "" } });
    if (!commitment) throw new Error(`Delivery against a figure not stated yet: ${spec.againstFigure}`);
    await tx.fundingDelivery.create({
      data: {
        partnershipId,
        commitmentId: commitment.id,
        periodId,
        fromOrganizationId: orgs[spec.from],
        toOrganizationId: spec.to ? orgs[spec.to] : null,
        kind: spec.kind,
        amount: String(amount),
        currency: spec.currency,
        exchangeRate: commitment.exchangeRate,
        rateDate: commitment.rateDate,
        rateSource: `Illustrative: converted at the rate of the commitment it counts against (${commitment.rateSource})`,
        illustrative: true,
      },
    });
  }
}

function quarterEndIso(q: { year: number; quarter: number }): string {
  const lastDay = ["03-31", "06-30", "09-30", "12-31"][q.quarter - 1];
  return `${q.year}-${lastDay}`;
}

async function seedOtherPartnership(tx: Tx, fact: (typeof otherPartnerships)[number]) {
  const tipId = (await tx.organization.findUniqueOrThrow({ where: { name: organizations.tip.name } })).id;
  const partners = await tx.organization.findMany({ where: { name: { in: fact.partners } } });
  const first = quarterOfDate(fact.signedOn);
  const last = fact.endsOn ? quarterOfDate(fact.endsOn) : null;
  const partnerText = fact.partners.length > 0 ? fact.partners.join("; ") : (fact.partnersNote ?? "not recorded");
  const partnership = await tx.partnership.create({
    data: {
      slug: fact.slug,
      name: `U.S.–${fact.country} Child Protection Compact (CPC) Partnership`,
      country: fact.country,
      usLeadOffice: philippines.usLeadOffice,
      signedOn: day(fact.signedOn),
      startsOn: day(fact.signedOn),
      endsOn: fact.endsOn ? day(fact.endsOn) : null,
      firstYear: first.year,
      firstQuarter: first.quarter,
      lastYear: last?.year ?? null,
      lastQuarter: last?.quarter ?? null,
      status: fact.status,
      summary: `Signed on ${fact.signedOn} (${formatQuarter(first)}). Term: ${fact.termNote}. U.S. funding as stated: ${fact.usFundingStatement}. Implementing partners: ${partnerText}.`,
      regions: [],
      termNote: fact.termNote,
      usFundingStatement: fact.usFundingStatement,
      factsSource: { connect: { key: `cpc-${fact.slug}` } },
      ...(fact.otherSource ? { otherSources: { connect: [{ key: `cpc-${fact.slug}-2` }] } } : {}),
      members: {
        create: [{ organizationId: tipId, role: "DONOR" as const }, ...partners.map((p) => ({ organizationId: p.id, role: "IMPLEMENTER" as const }))],
      },
    },
  });
  await publishRelease(tx, partnership.id, { trigger: "statement", event: "Headline facts recorded from the published sources" });
}
