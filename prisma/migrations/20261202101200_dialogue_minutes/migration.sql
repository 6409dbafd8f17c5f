-- AlterTable
ALTER TABLE "Dialogue" ADD COLUMN     "minutes" TEXT,
ADD COLUMN     "packAtDialogue" JSONB,
ADD COLUMN     "recordedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DialogueDecision" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "indicatorCodes" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueDecision_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "DialogueDecision" ADD CONSTRAINT "DialogueDecision_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
