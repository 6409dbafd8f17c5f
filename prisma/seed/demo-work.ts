// Work on the demo's desk, so that a newcomer who signs in sees the review and entry loops at
// once: a report submitted and waiting for the demo reviewer, one returned to the demo encoder
// with comments, one in draft. All three are IACAT's: its indicators have illustrative targets to
// show and no published totals, so the published figures of the other organizations are untouched. Illustrative, like the rest of the quarterly data, and labelled so.
// Only the embedded demo database (or a server with SEED_DEMO_USERS=1) gets it: the seed leaves
// these reports out of its approved history (seedDatabase's demoWork option), and seedDemoWork
// writes them once the demo users exist.
import type { Db } from "../../lib/data/prisma";
import { formatQuarter, type Quarter } from "../../lib/periods";
import { organizations, philippines, type OrganizationRef } from "./facts";
import { illustrativeNarrative, indicators, quarterlyValues, reportingQuarters } from "./illustrative";

interface DemoReport {
  reporter: OrganizationRef;
  quarter: Quarter;
  status: "SUBMITTED" | "RETURNED" | "DRAFT";
  /** The demo user who entered it. */
  by: string;
  notes?: Record<string, { note: string; evidence?: string }>;
  returned?: { by: string; reason: string; comments: { indicator: string; body: string }[] };
}

export const demoWork: DemoReport[] = [
  {
    reporter: "iacat",
    quarter: { year: 2021, quarter: 1 },
    status: "SUBMITTED",
    by: "encoder@demo.local",
    notes: {
      "O2.1": {
        note: "Illustrative: convictions recorded by the courts this quarter.",
        evidence: "https://example.org/illustrative/iacat-2021q1-court-records",
      },
      "O4.1": { note: "Illustrative: sessions reported by the municipal councils." },
    },
  },
  {
    reporter: "iacat",
    quarter: { year: 2020, quarter: 4 },
    status: "RETURNED",
    by: "encoder@demo.local",
    returned: {
      by: "reviewer@demo.local",
      reason: "Illustrative: please add the source of the prevention sessions, then submit again.",
      comments: [{ indicator: "O4.1", body: "Illustrative: which municipalities held these sessions? Add the attendance sheets as evidence." }],
    },
  },
  { reporter: "iacat", quarter: { year: 2020, quarter: 3 }, status: "DRAFT", by: "encoder@demo.local" },
];

/** Whether the seeded history leaves this organization's report for the quarter to the demo. */
export const isDemoWork = (reporter: OrganizationRef, quarter: Quarter) =>
  demoWork.some((w) => w.reporter === reporter && w.quarter.year === quarter.year && w.quarter.quarter === quarter.quarter);

/** Writes the demo's reports that are missing; leaves any report that exists alone. Returns what it wrote. */
export async function seedDemoWork(db: Db): Promise<string[]> {
  const written: string[] = [];
  const partnership = await db.partnership.findUnique({ where: { slug: philippines.slug }, select: { id: true } });
  if (!partnership) return written;
  const userId = async (email: string) => (await db.user.findUnique({ where: { email }, select: { id: true } }))?.id;
  for (const work of demoWork) {
    const organization = await db.organization.findUniqueOrThrow({ where: { name: organizations[work.reporter].name }, select: { id: true } });
    const period = await db.reportingPeriod.findUnique({
      where: { partnershipId_year_quarter: { partnershipId: partnership.id, year: work.quarter.year, quarter: work.quarter.quarter } },
    });
    const author = await userId(work.by);
    if (!period || !author) continue;
    if (await db.submission.findUnique({ where: { periodId_organizationId: { periodId: period.id, organizationId: organization.id } } })) continue;
    const index = reportingQuarters().findIndex((q) => q.year === work.quarter.year && q.quarter === work.quarter.quarter);
    const specs = indicators.filter((spec) => spec.responsible === work.reporter);
    const indicatorIds = Object.fromEntries(
      (
        await db.indicator.findMany({
          where: { code: { in: specs.map((s) => s.code) }, objective: { partnershipId: partnership.id } },
          select: { id: true, code: true },
        })
      ).map((i) => [i.code, i.id]),
    );
    const values = Object.fromEntries(
      specs.map((spec) => {
        const value = quarterlyValues(spec)[index]!;
        const notes = work.notes?.[spec.code];
        return [
          spec.code,
          {
            cells: { "": String(value.total), ...Object.fromEntries(Object.entries(value.cells).map(([cell, v]) => [cell, String(v)])) },
            note: notes?.note ?? null,
            evidence: notes?.evidence ?? null,
          },
        ];
      }),
    );
    const submittedAt = new Date(Date.UTC(work.quarter.year, work.quarter.quarter * 3, 20));
    const reviewer = work.returned ? await userId(work.returned.by) : undefined;
    await db.$transaction(async (tx) => {
      const submission = await tx.submission.create({
        data: {
          partnershipId: partnership.id,
          periodId: period.id,
          organizationId: organization.id,
          status: work.status,
          illustrative: true,
          ...(work.status === "DRAFT" ? {} : { submittedById: author, submittedAt }),
          ...(work.returned ? { returnReason: work.returned.reason, returnedAt: new Date(submittedAt.getTime() + 5 * 86_400_000) } : {}),
        },
      });
      await tx.measurement.createMany({
        data: Object.entries(values).flatMap(([code, v]) =>
          Object.entries(v.cells).map(([cell, value]) => ({
            submissionId: submission.id,
            indicatorId: indicatorIds[code]!,
            cell,
            value,
            note: cell === "" ? v.note : null,
            evidenceUrl: cell === "" ? v.evidence : null,
          })),
        ),
      });
      const objectives = await tx.objective.findMany({
        where: { partnershipId: partnership.id, code: { in: [...new Set(specs.map((spec) => spec.objective))] } },
      });
      await tx.submissionNarrative.createMany({
        data: objectives.map((o) => ({ submissionId: submission.id, objectiveId: o.id, ...illustrativeNarrative(o.code, formatQuarter(work.quarter)) })),
      });
      if (work.status !== "DRAFT")
        await tx.submissionRound.create({ data: { submissionId: submission.id, round: 1, submittedAt, submittedById: author, values } });
      if (work.returned && reviewer) {
        const at = new Date(submittedAt.getTime() + 5 * 86_400_000);
        for (const c of work.returned.comments) {
          await tx.comment.create({
            data: { submissionId: submission.id, indicatorId: indicatorIds[c.indicator]!, authorId: reviewer, body: c.body, createdAt: at },
          });
        }
        await tx.comment.create({
          data: { submissionId: submission.id, authorId: reviewer, body: work.returned.reason, createdAt: new Date(at.getTime() + 1000) },
        });
      }
    });
    written.push(`${organizations[work.reporter].shortName} ${formatQuarter(work.quarter)} ${work.status.toLowerCase()}`);
  }
  return written;
}
