-- CreateEnum
CREATE TYPE "IngestionSourceKind" AS ENUM ('S3', 'CLOUDWATCH_LOGS', 'UPLOAD', 'FILE');

-- CreateEnum
CREATE TYPE "IngestionRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "IngestionObjectStatus" AS ENUM ('READING', 'DONE', 'DUPLICATE', 'FAILED');

-- DropIndex
DROP INDEX "UsageRollup_teamId_hour_idx";

-- DropIndex
DROP INDEX "UsageRollup_hour_teamId_modelKey_accountId_statusClass_key";

-- AlterTable
ALTER TABLE "UsageRollup" DROP CONSTRAINT "UsageRollup_pkey",
DROP COLUMN "errors",
DROP COLUMN "id",
DROP COLUMN "inputTokens",
DROP COLUMN "outputTokens",
DROP COLUMN "teamId",
DROP COLUMN "updatedAt",
ADD COLUMN     "callerKey" INTEGER NOT NULL,
ADD COLUMN     "durationSumMs" BIGINT NOT NULL,
ADD COLUMN     "errors5xx" INTEGER NOT NULL,
ADD COLUMN     "latencyBuckets" INTEGER[],
ADD COLUMN     "teamKey" INTEGER NOT NULL,
ALTER COLUMN "hour" SET DATA TYPE TIMESTAMPTZ(3),
DROP COLUMN "modelKey",
ADD COLUMN     "modelKey" INTEGER NOT NULL,
ALTER COLUMN "accountId" DROP DEFAULT,
ALTER COLUMN "accountId" SET DATA TYPE VARCHAR(12),
DROP COLUMN "statusClass",
ADD COLUMN     "statusClass" SMALLINT NOT NULL,
ALTER COLUMN "requests" DROP DEFAULT,
ALTER COLUMN "allowed" DROP DEFAULT,
ALTER COLUMN "denied" DROP DEFAULT,
ALTER COLUMN "bytesReceived" DROP DEFAULT,
ALTER COLUMN "bytesSent" DROP DEFAULT,
ADD CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("hour", "teamKey", "callerKey", "modelKey", "accountId", "statusClass");

-- DropTable
DROP TABLE "UsageRecord";

-- CreateTable
CREATE TABLE "UsageTeamKey" (
    "id" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "UsageTeamKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageCaller" (
    "id" SERIAL NOT NULL,
    "arn" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,

    CONSTRAINT "UsageCaller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageModelKey" (
    "id" SERIAL NOT NULL,
    "modelKey" TEXT NOT NULL,

    CONSTRAINT "UsageModelKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageEvent" (
    "fingerprint" BIGINT NOT NULL,
    "startTime" TIMESTAMPTZ(3) NOT NULL,
    "teamKey" INTEGER,
    "callerKey" INTEGER NOT NULL,
    "modelKey" INTEGER,
    "objectId" INTEGER NOT NULL,
    "status" SMALLINT NOT NULL,
    "denied" BOOLEAN NOT NULL,
    "bytesReceived" INTEGER NOT NULL,
    "bytesSent" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("fingerprint")
);

-- CreateTable
CREATE TABLE "UsageRollupDaily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "teamKey" INTEGER NOT NULL,
    "callerKey" INTEGER NOT NULL,
    "modelKey" INTEGER NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "statusClass" SMALLINT NOT NULL,
    "requests" INTEGER NOT NULL,
    "allowed" INTEGER NOT NULL,
    "denied" INTEGER NOT NULL,
    "errors5xx" INTEGER NOT NULL,
    "bytesReceived" BIGINT NOT NULL,
    "bytesSent" BIGINT NOT NULL,
    "durationSumMs" BIGINT NOT NULL,
    "latencyBuckets" INTEGER[],

    CONSTRAINT "UsageRollupDaily_pkey" PRIMARY KEY ("day","teamKey","callerKey","modelKey","accountId","statusClass")
);

-- CreateTable
CREATE TABLE "IngestionSource" (
    "id" SERIAL NOT NULL,
    "feed" TEXT NOT NULL,
    "kind" "IngestionSourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "checkpoint" TEXT,
    "watermark" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestionSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestionObject" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "etag" TEXT,
    "contentSha256" TEXT,
    "status" "IngestionObjectStatus" NOT NULL DEFAULT 'READING',
    "recordsRead" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "malformed" INTEGER NOT NULL DEFAULT 0,
    "unattributed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "runId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestionObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestionRun" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "IngestionRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "triggeredById" TEXT,
    "objectsTotal" INTEGER,
    "objectsRead" INTEGER NOT NULL DEFAULT 0,
    "objectsSkipped" INTEGER NOT NULL DEFAULT 0,
    "bytesTotal" BIGINT,
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "recordsRead" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "malformed" INTEGER NOT NULL DEFAULT 0,
    "unattributed" INTEGER NOT NULL DEFAULT 0,
    "expired" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "IngestionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestionMalformedSample" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "objectKey" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "sample" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestionMalformedSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UsageTeamKey_teamId_key" ON "UsageTeamKey"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageCaller_arn_key" ON "UsageCaller"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "UsageModelKey_modelKey_key" ON "UsageModelKey"("modelKey");

-- CreateIndex
CREATE INDEX "UsageEvent_startTime_idx" ON "UsageEvent" USING BRIN ("startTime");

-- CreateIndex
CREATE INDEX "UsageRollupDaily_teamKey_day_idx" ON "UsageRollupDaily"("teamKey", "day");

-- CreateIndex
CREATE INDEX "UsageRollupDaily_modelKey_day_idx" ON "UsageRollupDaily"("modelKey", "day");

-- CreateIndex
CREATE UNIQUE INDEX "IngestionSource_feed_name_key" ON "IngestionSource"("feed", "name");

-- CreateIndex
CREATE INDEX "IngestionObject_contentSha256_idx" ON "IngestionObject"("contentSha256");

-- CreateIndex
CREATE UNIQUE INDEX "IngestionObject_sourceId_key_key" ON "IngestionObject"("sourceId", "key");

-- CreateIndex
CREATE INDEX "IngestionRun_sourceId_startedAt_idx" ON "IngestionRun"("sourceId", "startedAt");

-- CreateIndex
CREATE INDEX "IngestionRun_startedAt_idx" ON "IngestionRun"("startedAt");

-- CreateIndex
CREATE INDEX "IngestionMalformedSample_runId_idx" ON "IngestionMalformedSample"("runId");

-- CreateIndex
CREATE INDEX "UsageRollup_teamKey_hour_idx" ON "UsageRollup"("teamKey", "hour");

-- CreateIndex
CREATE INDEX "UsageRollup_modelKey_hour_idx" ON "UsageRollup"("modelKey", "hour");

-- AddForeignKey
ALTER TABLE "IngestionObject" ADD CONSTRAINT "IngestionObject_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "IngestionSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestionObject" ADD CONSTRAINT "IngestionObject_runId_fkey" FOREIGN KEY ("runId") REFERENCES "IngestionRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestionRun" ADD CONSTRAINT "IngestionRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "IngestionSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestionMalformedSample" ADD CONSTRAINT "IngestionMalformedSample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "IngestionRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
