-- AlterTable
ALTER TABLE "ReportingPeriod" DROP COLUMN "locked";
