-- AlterEnum (no BEGIN/COMMIT of its own: scripts/db/migrate.ts applies pending migrations in one transaction)
CREATE TYPE "DeliveryKind_new" AS ENUM ('DISBURSED', 'IN_KIND');
ALTER TABLE "FundingDelivery" ALTER COLUMN "kind" TYPE "DeliveryKind_new" USING ("kind"::text::"DeliveryKind_new");
ALTER TYPE "DeliveryKind" RENAME TO "DeliveryKind_old";
ALTER TYPE "DeliveryKind_new" RENAME TO "DeliveryKind";
DROP TYPE "public"."DeliveryKind_old";
