-- The access workflow: PENDING_SECOND_APPROVAL, provisioning states, "until revoked", security groups on a
-- request, PENDING grants (approved, not yet applied) and out-of-band grants (adopted from a live policy).
-- Hand-reviewed: the migrator runs this file in one transaction, so the enums are recreated (a value added with
-- ADD VALUE cannot be used in the transaction that adds it) and there is no BEGIN/COMMIT of its own.

-- CreateEnum
CREATE TYPE "GrantSource" AS ENUM ('REQUEST', 'OUT_OF_BAND');

-- AlterEnum: APPROVED (a request whose grants exist) becomes ACTIVE.
CREATE TYPE "AccessRequestStatus_new" AS ENUM ('PENDING', 'PENDING_SECOND_APPROVAL', 'PROVISIONING', 'ACTIVE', 'FAILED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'REVOKED');
ALTER TABLE "AccessRequest" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "AccessRequest" ALTER COLUMN "status" TYPE "AccessRequestStatus_new" USING (CASE WHEN "status"::text = 'APPROVED' THEN 'ACTIVE' ELSE "status"::text END::"AccessRequestStatus_new");
ALTER TYPE "AccessRequestStatus" RENAME TO "AccessRequestStatus_old";
ALTER TYPE "AccessRequestStatus_new" RENAME TO "AccessRequestStatus";
DROP TYPE "AccessRequestStatus_old";
ALTER TABLE "AccessRequest" ALTER COLUMN "status" SET DEFAULT 'PENDING';

-- AlterEnum
CREATE TYPE "GrantStatus_new" AS ENUM ('PENDING', 'ACTIVE', 'EXPIRED', 'REVOKED');
ALTER TABLE "Grant" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Grant" ALTER COLUMN "status" TYPE "GrantStatus_new" USING ("status"::text::"GrantStatus_new");
ALTER TYPE "GrantStatus" RENAME TO "GrantStatus_old";
ALTER TYPE "GrantStatus_new" RENAME TO "GrantStatus";
DROP TYPE "GrantStatus_old";
ALTER TABLE "Grant" ALTER COLUMN "status" SET DEFAULT 'ACTIVE';

-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "securityGroupIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "durationDays" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "source" "GrantSource" NOT NULL DEFAULT 'REQUEST',
ALTER COLUMN "expiresAt" DROP NOT NULL;
