-- CreateTable
CREATE TABLE "SustainabilityPlan" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "continues" TEXT NOT NULL,
    "carriedBy" TEXT NOT NULL,
    "indicatorsKept" TEXT[],
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SustainabilityPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SustainabilityPlan_objectiveId_key" ON "SustainabilityPlan"("objectiveId");

-- AddForeignKey
ALTER TABLE "SustainabilityPlan" ADD CONSTRAINT "SustainabilityPlan_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SustainabilityPlan" ADD CONSTRAINT "SustainabilityPlan_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SustainabilityPlan" ADD CONSTRAINT "SustainabilityPlan_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
