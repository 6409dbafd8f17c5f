-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "indicatorId" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "reopenedAt" TIMESTAMP(3),
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "revisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SubmissionRound" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedById" TEXT,
    "values" JSONB NOT NULL,

    CONSTRAINT "SubmissionRound_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionRound_submissionId_round_key" ON "SubmissionRound"("submissionId", "round");

-- AddForeignKey
ALTER TABLE "SubmissionRound" ADD CONSTRAINT "SubmissionRound_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each quarter's report is due 30 days after the quarter ends, where no due date was set.
UPDATE "ReportingPeriod"
SET "dueOn" = (make_date("year", "quarter" * 3, 1) + interval '1 month' - interval '1 day' + interval '30 days')::date
WHERE "dueOn" IS NULL;
