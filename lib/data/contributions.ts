import "server-only";
import { requirePermission } from "../auth/guard";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { RecordContribution } from "../validation/contributions";
import { recordAudit } from "./audit";
import { getDb } from "./db";
import { claimReport, editableReport, resolveQuarter } from "./quarter";
import type { Tx } from "./prisma";

// Partner-government contributions (cash or in kind, in PHP or USD with the rate and its date),
// entered with the organization's quarter. They change the quarter like its values do: the
// submission must be editable, the version must match, and they count once it is approved.

/** The organization's report for the quarter, claimed for one change (see ./quarter). */
async function claimEditableSubmission(tx: Tx, input: { slug: string; period: string; organizationId: string; version: number }) {
  const { partnershipId, period } = await resolveQuarter(tx, input.slug, input.period);
  const existing = await editableReport(tx, period.id, input.organizationId);
  if ((existing?.version ?? 0) !== input.version) {
    throw new AppError(
      "CONFLICT",
      "Someone else saved this quarter after you opened it, so nothing was saved. Reload the page, then add the contribution again.",
    );
  }
  const submission = await claimReport(
    tx,
    { partnershipId, periodId: period.id, organizationId: input.organizationId, version: input.version, existingId: existing?.id ?? null },
    // A change to a returned report, like a saved draft, marks it as being revised.
    existing?.status === "RETURNED" ? { revisedAt: new Date() } : {},
  );
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
      after: {
        contributionId: delivery.id,
        kind: input.kind,
        amount: input.amount,
        currency: input.currency,
        exchangeRate: input.exchangeRate,
        rateDate: input.rateDate,
        rateSource: input.rateSource,
      },
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
