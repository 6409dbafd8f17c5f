import "server-only";
import { requirePermission } from "../auth/guard";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseQuarter } from "../periods";
import type { RecordContribution } from "../validation/contributions";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import type { Tx } from "./prisma";

// Partner-government contributions (cash or in kind, in PHP or USD with the rate and its date),
// entered with the organization's quarter. They change the quarter like its values do: the
// submission must be editable, the version must match, and they count once it is approved.

async function claimEditableSubmission(tx: Tx, input: { slug: string; period: string; organizationId: string; version: number }) {
  const quarter = parseQuarter(input.period);
  const period = quarter
    ? await tx.reportingPeriod.findFirst({ where: { partnership: { slug: input.slug }, year: quarter.year, quarter: quarter.quarter } })
    : null;
  if (!period) throw new AppError("NOT_FOUND", "That quarter does not exist. Reload the page.");
  const submission = await tx.submission.findUnique({ where: { periodId_organizationId: { periodId: period.id, organizationId: input.organizationId } } });
  if (submission && submission.status !== "DRAFT" && submission.status !== "RETURNED") {
    throw new AppError("CONFLICT", "This quarter is submitted or approved: contributions can change only while it is a draft or returned.");
  }
  if (!submission && period.locked) throw new AppError("CONFLICT", "This quarter is locked: only an administrator can reopen it.");
  if ((submission?.version ?? 0) !== input.version) {
    throw new AppError("CONFLICT", "Someone else saved this quarter after you opened it, so nothing was saved. Reload the page, then add the contribution again.");
  }
  if (!submission) {
    return { period, submission: await tx.submission.create({ data: { partnershipId: period.partnershipId, periodId: period.id, organizationId: input.organizationId } }) };
  }
  const updated = await tx.submission.updateMany({ where: { id: submission.id, version: input.version }, data: { version: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("CONFLICT", "Someone else saved this quarter at the same moment. Reload the page and try again.");
  return { period, submission };
}

export async function recordContribution(actor: Actor | null, input: RecordContribution): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const partnership = await tx.partnership.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (!partnership) throw new AppError("NOT_FOUND", "That partnership does not exist.");
    const encoder = requirePermission(actor, "contribution.record", { partnershipId: partnership.id, organizationId: input.organizationId });
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { kind: true } });
    if (organization.kind !== "PARTNER_GOVERNMENT") {
      throw new AppError("VALIDATION", "Only the partner government records contributions here.");
    }
    const { period, submission } = await claimEditableSubmission(tx, input);
    const delivery = await tx.fundingDelivery.create({
      data: {
        partnershipId: partnership.id,
        periodId: period.id,
        submissionId: submission.id,
        fromOrganizationId: input.organizationId,
        kind: input.kind,
        amount: input.amount,
        currency: input.currency,
        exchangeRate: input.exchangeRate,
        rateDate: new Date(`${input.rateDate}T00:00:00Z`),
        rateSource: input.rateSource,
        note: input.note || null,
      },
    });
    await recordAudit(tx, encoder, {
      action: "contribution.record",
      entityType: "Submission",
      entityId: submission.id,
      partnershipId: partnership.id,
      after: { contributionId: delivery.id, kind: input.kind, amount: input.amount, currency: input.currency, exchangeRate: input.exchangeRate, rateDate: input.rateDate, rateSource: input.rateSource },
    });
  });
}

export async function removeContribution(actor: Actor | null, input: { contributionId: string; version: number }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const delivery = await tx.fundingDelivery.findUnique({
      where: { id: input.contributionId },
      include: { submission: { select: { id: true } }, partnership: { select: { slug: true } }, period: true },
    });
    if (!delivery?.submission) throw new AppError("NOT_FOUND", "That contribution is not there any more. Reload the page.");
    const encoder = requirePermission(actor, "contribution.record", { partnershipId: delivery.partnershipId, organizationId: delivery.fromOrganizationId });
    await claimEditableSubmission(tx, {
      slug: delivery.partnership.slug,
      period: `${delivery.period.year}Q${delivery.period.quarter}`,
      organizationId: delivery.fromOrganizationId,
      version: input.version,
    });
    await tx.fundingDelivery.delete({ where: { id: delivery.id } });
    await recordAudit(tx, encoder, {
      action: "contribution.remove",
      entityType: "Submission",
      entityId: delivery.submission.id,
      partnershipId: delivery.partnershipId,
      before: { contributionId: delivery.id, kind: delivery.kind, amount: delivery.amount.toString(), currency: delivery.currency },
    });
  });
}
