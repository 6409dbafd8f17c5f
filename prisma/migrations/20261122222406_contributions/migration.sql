-- AlterTable
ALTER TABLE "FundingDelivery" ADD COLUMN     "submissionId" TEXT;

-- AddForeignKey
ALTER TABLE "FundingDelivery" ADD CONSTRAINT "FundingDelivery_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
