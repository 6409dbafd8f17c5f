-- CreateEnum
CREATE TYPE "PartnershipStatus" AS ENUM ('PLANNED', 'ACTIVE', 'CONCLUDED');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('US_GOVERNMENT', 'PARTNER_GOVERNMENT', 'IMPLEMENTING_PARTNER', 'OTHER');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('DONOR', 'HOST', 'IMPLEMENTER', 'SUB_IMPLEMENTER');

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('COUNT', 'PERCENT', 'CURRENCY', 'TEXT');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('INCREASE', 'DECREASE', 'MAINTAIN');

-- CreateEnum
CREATE TYPE "PeriodAggregation" AS ENUM ('SUM', 'LATEST', 'MAX');

-- CreateEnum
CREATE TYPE "TargetScope" AS ENUM ('QUARTER', 'YEAR', 'LIFE');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('USD', 'PHP');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('CEILING', 'PLEDGE', 'AWARD', 'OBLIGATION', 'COMMITMENT', 'IN_KIND');

-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('DISBURSED', 'SPENT', 'IN_KIND');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'ENCODER', 'PARTNER');

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "formalTitle" TEXT,
    "country" TEXT NOT NULL,
    "usLeadOffice" TEXT NOT NULL,
    "partnerLeadBody" TEXT,
    "signedOn" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "firstYear" INTEGER NOT NULL,
    "firstQuarter" INTEGER NOT NULL,
    "lastYear" INTEGER,
    "lastQuarter" INTEGER,
    "status" "PartnershipStatus" NOT NULL,
    "summary" TEXT NOT NULL,
    "regions" TEXT[],
    "termNote" TEXT,
    "usFundingStatement" TEXT,
    "factsSourceId" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "country" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipMember" (
    "partnershipId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,

    CONSTRAINT "PartnershipMember_pkey" PRIMARY KEY ("partnershipId","organizationId","role")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" DATE,
    "quote" TEXT,
    "note" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "precision" TEXT NOT NULL DEFAULT 'day',
    "title" TEXT NOT NULL,
    "sourceId" TEXT,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT,
    "unit" "IndicatorUnit" NOT NULL,
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'INCREASE',
    "aggregation" "PeriodAggregation" NOT NULL,
    "responsibleOrganizationId" TEXT NOT NULL,
    "dimensions" TEXT[],
    "cellsSumToTotal" BOOLEAN NOT NULL DEFAULT true,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "baseline" DECIMAL(18,2),
    "baselineNote" TEXT,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "scope" "TargetScope" NOT NULL,
    "year" INTEGER NOT NULL DEFAULT 0,
    "quarter" INTEGER NOT NULL DEFAULT 0,
    "value" DECIMAL(18,2) NOT NULL,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "dueOn" DATE,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "returnReason" TEXT,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "cell" TEXT NOT NULL DEFAULT '',
    "value" DECIMAL(18,2),
    "textValue" TEXT,
    "note" TEXT,
    "evidenceUrl" TEXT,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingCommitment" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "figureKey" TEXT NOT NULL,
    "fromOrganizationId" TEXT NOT NULL,
    "toOrganizationId" TEXT,
    "kind" "CommitmentKind" NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" "Currency" NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "exchangeRate" DECIMAL(12,6) NOT NULL,
    "rateDate" DATE NOT NULL,
    "rateSource" TEXT NOT NULL,
    "statedEquivalent" DECIMAL(18,2),
    "statedEquivalentCurrency" "Currency",
    "statedOn" DATE NOT NULL,
    "sourceId" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FundingCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingDelivery" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "commitmentId" TEXT,
    "periodId" TEXT NOT NULL,
    "fromOrganizationId" TEXT NOT NULL,
    "toOrganizationId" TEXT,
    "kind" "DeliveryKind" NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" "Currency" NOT NULL,
    "exchangeRate" DECIMAL(12,6) NOT NULL,
    "rateDate" DATE NOT NULL,
    "rateSource" TEXT NOT NULL,
    "sourceId" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "FundingDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedResult" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "organizationId" TEXT,
    "label" TEXT NOT NULL,
    "value" DECIMAL(18,2) NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',
    "statedOn" DATE NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceNote" TEXT,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "PublishedResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserPartnership" (
    "userId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,

    CONSTRAINT "UserPartnership_pkey" PRIMARY KEY ("userId","partnershipId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "partnershipId" TEXT,
    "ipAddress" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_partnershipId_occurredOn_title_key" ON "Milestone"("partnershipId", "occurredOn", "title");

-- CreateIndex
CREATE UNIQUE INDEX "Objective_partnershipId_code_key" ON "Objective"("partnershipId", "code");

-- CreateIndex
CREATE INDEX "Indicator_responsibleOrganizationId_idx" ON "Indicator"("responsibleOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_objectiveId_code_key" ON "Indicator"("objectiveId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Target_indicatorId_scope_year_quarter_key" ON "Target"("indicatorId", "scope", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_partnershipId_year_quarter_key" ON "ReportingPeriod"("partnershipId", "year", "quarter");

-- CreateIndex
CREATE INDEX "Submission_partnershipId_status_idx" ON "Submission"("partnershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_periodId_organizationId_key" ON "Submission"("periodId", "organizationId");

-- CreateIndex
CREATE INDEX "Measurement_indicatorId_idx" ON "Measurement"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_submissionId_indicatorId_cell_key" ON "Measurement"("submissionId", "indicatorId", "cell");

-- CreateIndex
CREATE INDEX "Comment_submissionId_createdAt_idx" ON "Comment"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "FundingCommitment_partnershipId_figureKey_statedOn_idx" ON "FundingCommitment"("partnershipId", "figureKey", "statedOn");

-- CreateIndex
CREATE UNIQUE INDEX "FundingCommitment_partnershipId_figureKey_statedOn_label_key" ON "FundingCommitment"("partnershipId", "figureKey", "statedOn", "label");

-- CreateIndex
CREATE INDEX "FundingDelivery_partnershipId_periodId_idx" ON "FundingDelivery"("partnershipId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedResult_partnershipId_label_key" ON "PublishedResult"("partnershipId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_occurredAt_idx" ON "AuditEvent"("partnershipId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_factsSourceId_fkey" FOREIGN KEY ("factsSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipMember" ADD CONSTRAINT "PartnershipMember_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipMember" ADD CONSTRAINT "PartnershipMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_responsibleOrganizationId_fkey" FOREIGN KEY ("responsibleOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCommitment" ADD CONSTRAINT "FundingCommitment_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCommitment" ADD CONSTRAINT "FundingCommitment_fromOrganizationId_fkey" FOREIGN KEY ("fromOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCommitment" ADD CONSTRAINT "FundingCommitment_toOrganizationId_fkey" FOREIGN KEY ("toOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingCommitment" ADD CONSTRAINT "FundingCommitment_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "FundingCommitment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_fromOrganizationId_fkey" FOREIGN KEY ("fromOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_toOrganizationId_fkey" FOREIGN KEY ("toOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedResult" ADD CONSTRAINT "PublishedResult_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPartnership" ADD CONSTRAINT "UserPartnership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPartnership" ADD CONSTRAINT "UserPartnership_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot state. Prisma's diff ignores CHECK constraints and
-- triggers, so they live here and stay through later migrations.

-- Quarters are 1 to 4; targets use 0 where their scope has no quarter.
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_quarters_check"
  CHECK ("firstQuarter" BETWEEN 1 AND 4 AND ("lastQuarter" IS NULL OR "lastQuarter" BETWEEN 1 AND 4));
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_quarter_check" CHECK ("quarter" BETWEEN 1 AND 4);
ALTER TABLE "Target" ADD CONSTRAINT "Target_period_check" CHECK (
  ("scope" = 'QUARTER' AND "quarter" BETWEEN 1 AND 4 AND "year" > 0)
  OR ("scope" = 'YEAR' AND "quarter" = 0 AND "year" > 0)
  OR ("scope" = 'LIFE' AND "quarter" = 0 AND "year" = 0));

-- Money is never negative, and a rate is PHP per USD, so it is positive.
ALTER TABLE "FundingCommitment" ADD CONSTRAINT "FundingCommitment_amount_check"
  CHECK ("amount" >= 0 AND "exchangeRate" > 0 AND ("statedEquivalent" IS NULL OR "statedEquivalent" >= 0));
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_amount_check"
  CHECK ("amount" >= 0 AND "exchangeRate" > 0);
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_version_check" CHECK ("version" >= 1);

-- The audit log is insert-only: the app may add events, never change or remove them.
CREATE FUNCTION audit_event_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows cannot be changed or deleted (insert-only audit log)';
END;
$$;
CREATE TRIGGER "AuditEvent_insert_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_insert_only();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_insert_only();
