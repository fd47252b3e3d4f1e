-- AlterTable
ALTER TABLE "PriceBookEntry" ADD COLUMN     "perGb" DECIMAL(18,8),
ADD COLUMN     "perRequest" DECIMAL(18,8),
ADD COLUMN     "updatedById" TEXT;

-- CreateTable
CREATE TABLE "InvocationEvent" (
    "fingerprint" BIGINT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "teamId" TEXT,
    "region" TEXT NOT NULL,
    "rawModelId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "objectId" INTEGER NOT NULL,
    "failed" BOOLEAN NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "cacheReadInputTokens" INTEGER NOT NULL,
    "cacheWriteInputTokens" INTEGER NOT NULL,

    CONSTRAINT "InvocationEvent_pkey" PRIMARY KEY ("fingerprint")
);

-- CreateTable
CREATE TABLE "InvocationRollup" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "teamId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "invocations" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "inputTokens" BIGINT NOT NULL,
    "outputTokens" BIGINT NOT NULL,
    "cacheReadInputTokens" BIGINT NOT NULL,
    "cacheWriteInputTokens" BIGINT NOT NULL,

    CONSTRAINT "InvocationRollup_pkey" PRIMARY KEY ("hour","teamId","model","region")
);

-- CreateTable
CREATE TABLE "ChargebackMonthClose" (
    "month" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" TEXT,
    "report" JSONB NOT NULL,

    CONSTRAINT "ChargebackMonthClose_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "SharedPlatformCost" (
    "id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "monthlyAmount" DECIMAL(18,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "description" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "SharedPlatformCost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamBudget" (
    "teamId" TEXT NOT NULL,
    "monthlyAmount" DECIMAL(18,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "TeamBudget_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "cost" DECIMAL(18,2) NOT NULL,
    "budget" DECIMAL(18,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvocationEvent_time_idx" ON "InvocationEvent" USING BRIN ("time");

-- CreateIndex
CREATE INDEX "InvocationEvent_ingestedAt_idx" ON "InvocationEvent"("ingestedAt");

-- CreateIndex
CREATE INDEX "InvocationRollup_teamId_hour_idx" ON "InvocationRollup"("teamId", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "SharedPlatformCost_service_key" ON "SharedPlatformCost"("service");

-- CreateIndex
CREATE INDEX "BudgetAlert_month_idx" ON "BudgetAlert"("month");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetAlert_teamId_month_threshold_key" ON "BudgetAlert"("teamId", "month", "threshold");
