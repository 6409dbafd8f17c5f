-- CreateTable
CREATE TABLE "Dialogue" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "participants" TEXT NOT NULL,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dialogue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueIndicator" (
    "dialogueId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    CONSTRAINT "DialogueIndicator_pkey" PRIMARY KEY ("dialogueId","indicatorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dialogue_partnershipId_year_key" ON "Dialogue"("partnershipId", "year");

-- AddForeignKey
ALTER TABLE "Dialogue" ADD CONSTRAINT "Dialogue_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dialogue" ADD CONSTRAINT "Dialogue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueIndicator" ADD CONSTRAINT "DialogueIndicator_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueIndicator" ADD CONSTRAINT "DialogueIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
