-- CreateTable
CREATE TABLE "SubmissionNarrative" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "progress" TEXT,
    "challenges" TEXT,
    "nextSteps" TEXT,

    CONSTRAINT "SubmissionNarrative_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionNarrative_submissionId_objectiveId_key" ON "SubmissionNarrative"("submissionId", "objectiveId");

-- AddForeignKey
ALTER TABLE "SubmissionNarrative" ADD CONSTRAINT "SubmissionNarrative_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionNarrative" ADD CONSTRAINT "SubmissionNarrative_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;
