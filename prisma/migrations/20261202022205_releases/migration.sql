-- AlterTable
ALTER TABLE "FundingCommitment" ADD COLUMN     "countsInTotals" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "note" TEXT;

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "dateIllustrative" BOOLEAN NOT NULL DEFAULT false,
    "trigger" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "method" TEXT NOT NULL,
    "methodVersion" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "basis" JSONB NOT NULL,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_PartnershipOtherSources" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_PartnershipOtherSources_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Release_partnershipId_publishedAt_idx" ON "Release"("partnershipId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Release_partnershipId_number_key" ON "Release"("partnershipId", "number");

-- CreateIndex
CREATE INDEX "_PartnershipOtherSources_B_index" ON "_PartnershipOtherSources"("B");

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PartnershipOtherSources" ADD CONSTRAINT "_PartnershipOtherSources_A_fkey" FOREIGN KEY ("A") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PartnershipOtherSources" ADD CONSTRAINT "_PartnershipOtherSources_B_fkey" FOREIGN KEY ("B") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Releases are the public record: the app never changes or deletes one (like the audit log).
CREATE FUNCTION release_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Release rows cannot be changed or deleted (a published release is permanent)';
END;
$$;
CREATE TRIGGER "Release_insert_only"
  BEFORE UPDATE OR DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION release_is_insert_only();
CREATE TRIGGER "Release_no_truncate"
  BEFORE TRUNCATE ON "Release"
  FOR EACH STATEMENT EXECUTE FUNCTION release_is_insert_only();
