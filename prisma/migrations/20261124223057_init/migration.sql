-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('APPROVER', 'FINANCE', 'ADMIN');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('LEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "SessionProvider" AS ENUM ('dev', 'oidc');

-- CreateEnum
CREATE TYPE "PrincipalKind" AS ENUM ('ROLE', 'USER');

-- CreateEnum
CREATE TYPE "ModelTier" AS ENUM ('STANDARD', 'ADVANCED', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "GrantStatus" AS ENUM ('ACTIVE', 'REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ProvisioningRunStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ProvisioningStepStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "globalRoles" "GlobalRole"[] DEFAULT ARRAY[]::"GlobalRole"[],
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "oidcSubject" TEXT,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" "SessionProvider" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "costCenter" TEXT NOT NULL,
    "description" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMembership" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "TeamRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwsAccount" (
    "id" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "teamId" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AwsAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Principal" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "kind" "PrincipalKind" NOT NULL DEFAULT 'ROLE',
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Principal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrincipalMapping" (
    "id" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3),
    "validTo" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "PrincipalMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vpc" (
    "id" TEXT NOT NULL,
    "vpcId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT,
    "securityGroupIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "associationArn" TEXT,
    "associationStatus" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vpc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceNetwork" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "authType" TEXT NOT NULL DEFAULT 'AWS_IAM',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LatticeService" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "dnsName" TEXT,
    "serviceNetworkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LatticeService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceShare" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "serviceNetworkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResourceShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLogSubscription" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "resourceArn" TEXT NOT NULL,
    "destinationArn" TEXT NOT NULL,
    "accountId" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessLogSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstateSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "serviceNetworkId" TEXT,
    "serviceId" TEXT,
    "resourceShareId" TEXT,
    "organizationId" TEXT,
    "modelQueryKey" TEXT NOT NULL DEFAULT 'modelid',
    "region" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "EstateSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthPolicyRevision" (
    "id" TEXT NOT NULL,
    "resourceArn" TEXT NOT NULL,
    "serviceId" TEXT,
    "document" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "runId" TEXT,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" TIMESTAMP(3),

    CONSTRAINT "AuthPolicyRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "policyKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "description" TEXT,
    "tier" "ModelTier" NOT NULL DEFAULT 'STANDARD',
    "requiresTwoApprovals" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'PENDING',
    "justification" TEXT NOT NULL,
    "durationDays" INTEGER NOT NULL,
    "vpcId" TEXT,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequestPrincipal" (
    "requestId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,

    CONSTRAINT "AccessRequestPrincipal_pkey" PRIMARY KEY ("requestId","principalId")
);

-- CreateTable
CREATE TABLE "AccessRequestModel" (
    "requestId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,

    CONSTRAINT "AccessRequestModel_pkey" PRIMARY KEY ("requestId","modelId")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "requestId" TEXT,
    "status" "GrantStatus" NOT NULL DEFAULT 'ACTIVE',
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningRun" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ProvisioningRunStatus" NOT NULL DEFAULT 'PENDING',
    "payload" JSONB NOT NULL,
    "requestId" TEXT,
    "triggeredById" TEXT,
    "error" TEXT,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "appliedPolicyHash" TEXT,
    "verifiedAt" TIMESTAMP(3),

    CONSTRAINT "ProvisioningRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningStep" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ProvisioningStepStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "input" JSONB,
    "output" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProvisioningStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "teamId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRecord" (
    "id" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "principalArn" TEXT,
    "teamId" TEXT,
    "modelKey" TEXT,
    "accountId" VARCHAR(12),
    "status" INTEGER NOT NULL,
    "authDenied" BOOLEAN NOT NULL DEFAULT false,
    "bytesReceived" BIGINT NOT NULL DEFAULT 0,
    "bytesSent" BIGINT NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRollup" (
    "id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "teamId" TEXT NOT NULL DEFAULT '',
    "modelKey" TEXT NOT NULL DEFAULT '',
    "accountId" TEXT NOT NULL DEFAULT '',
    "statusClass" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "allowed" INTEGER NOT NULL DEFAULT 0,
    "denied" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "bytesReceived" BIGINT NOT NULL DEFAULT 0,
    "bytesSent" BIGINT NOT NULL DEFAULT 0,
    "inputTokens" BIGINT,
    "outputTokens" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceBookEntry" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveTo" TIMESTAMP(3),
    "inputPerMillion" DECIMAL(18,8) NOT NULL,
    "outputPerMillion" DECIMAL(18,8) NOT NULL,
    "cacheReadPerMillion" DECIMAL(18,8),
    "cacheWritePerMillion" DECIMAL(18,8),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriceBookEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE INDEX "TeamMembership_userId_idx" ON "TeamMembership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMembership_teamId_userId_key" ON "TeamMembership"("teamId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AwsAccount_accountId_key" ON "AwsAccount"("accountId");

-- CreateIndex
CREATE INDEX "AwsAccount_teamId_idx" ON "AwsAccount"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Principal_arn_key" ON "Principal"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "Principal_accountId_kind_name_key" ON "Principal"("accountId", "kind", "name");

-- CreateIndex
CREATE INDEX "PrincipalMapping_principalId_validFrom_idx" ON "PrincipalMapping"("principalId", "validFrom");

-- CreateIndex
CREATE INDEX "PrincipalMapping_teamId_idx" ON "PrincipalMapping"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Vpc_vpcId_key" ON "Vpc"("vpcId");

-- CreateIndex
CREATE INDEX "Vpc_teamId_idx" ON "Vpc"("teamId");

-- CreateIndex
CREATE INDEX "Vpc_accountId_idx" ON "Vpc"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceNetwork_arn_key" ON "ServiceNetwork"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceNetwork_resourceId_key" ON "ServiceNetwork"("resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "LatticeService_arn_key" ON "LatticeService"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "LatticeService_resourceId_key" ON "LatticeService"("resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceShare_arn_key" ON "ResourceShare"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "AccessLogSubscription_arn_key" ON "AccessLogSubscription"("arn");

-- CreateIndex
CREATE INDEX "AccessLogSubscription_resourceArn_idx" ON "AccessLogSubscription"("resourceArn");

-- CreateIndex
CREATE INDEX "AuthPolicyRevision_resourceArn_appliedAt_idx" ON "AuthPolicyRevision"("resourceArn", "appliedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Model_modelId_key" ON "Model"("modelId");

-- CreateIndex
CREATE UNIQUE INDEX "Model_policyKey_key" ON "Model"("policyKey");

-- CreateIndex
CREATE INDEX "AccessRequest_teamId_createdAt_idx" ON "AccessRequest"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_status_createdAt_idx" ON "AccessRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_requesterId_idx" ON "AccessRequest"("requesterId");

-- CreateIndex
CREATE INDEX "AccessRequestPrincipal_principalId_idx" ON "AccessRequestPrincipal"("principalId");

-- CreateIndex
CREATE INDEX "AccessRequestModel_modelId_idx" ON "AccessRequestModel"("modelId");

-- CreateIndex
CREATE INDEX "Approval_approverId_idx" ON "Approval"("approverId");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_requestId_approverId_key" ON "Approval"("requestId", "approverId");

-- CreateIndex
CREATE INDEX "Grant_status_expiresAt_idx" ON "Grant"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Grant_teamId_status_idx" ON "Grant"("teamId", "status");

-- CreateIndex
CREATE INDEX "Grant_principalId_modelId_status_idx" ON "Grant"("principalId", "modelId", "status");

-- CreateIndex
CREATE INDEX "Grant_requestId_idx" ON "Grant"("requestId");

-- CreateIndex
CREATE INDEX "ProvisioningRun_status_createdAt_idx" ON "ProvisioningRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ProvisioningRun_requestId_idx" ON "ProvisioningRun"("requestId");

-- CreateIndex
CREATE INDEX "ProvisioningRun_createdAt_idx" ON "ProvisioningRun"("createdAt");

-- CreateIndex
CREATE INDEX "ProvisioningStep_runId_seq_idx" ON "ProvisioningStep"("runId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningStep_runId_name_key" ON "ProvisioningStep"("runId", "name");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_at_idx" ON "AuditEvent"("teamId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRecord_dedupeKey_key" ON "UsageRecord"("dedupeKey");

-- CreateIndex
CREATE INDEX "UsageRecord_occurredAt_idx" ON "UsageRecord"("occurredAt");

-- CreateIndex
CREATE INDEX "UsageRecord_teamId_occurredAt_idx" ON "UsageRecord"("teamId", "occurredAt");

-- CreateIndex
CREATE INDEX "UsageRecord_sourceKey_idx" ON "UsageRecord"("sourceKey");

-- CreateIndex
CREATE INDEX "UsageRollup_teamId_hour_idx" ON "UsageRollup"("teamId", "hour");

-- CreateIndex
CREATE INDEX "UsageRollup_modelKey_hour_idx" ON "UsageRollup"("modelKey", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRollup_hour_teamId_modelKey_accountId_statusClass_key" ON "UsageRollup"("hour", "teamId", "modelKey", "accountId", "statusClass");

-- CreateIndex
CREATE INDEX "PriceBookEntry_region_effectiveFrom_idx" ON "PriceBookEntry"("region", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "PriceBookEntry_modelId_region_effectiveFrom_key" ON "PriceBookEntry"("modelId", "region", "effectiveFrom");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsAccount" ADD CONSTRAINT "AwsAccount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Principal" ADD CONSTRAINT "Principal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "AwsAccount"("accountId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrincipalMapping" ADD CONSTRAINT "PrincipalMapping_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "Principal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrincipalMapping" ADD CONSTRAINT "PrincipalMapping_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrincipalMapping" ADD CONSTRAINT "PrincipalMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vpc" ADD CONSTRAINT "Vpc_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vpc" ADD CONSTRAINT "Vpc_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "AwsAccount"("accountId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LatticeService" ADD CONSTRAINT "LatticeService_serviceNetworkId_fkey" FOREIGN KEY ("serviceNetworkId") REFERENCES "ServiceNetwork"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceShare" ADD CONSTRAINT "ResourceShare_serviceNetworkId_fkey" FOREIGN KEY ("serviceNetworkId") REFERENCES "ServiceNetwork"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstateSettings" ADD CONSTRAINT "EstateSettings_serviceNetworkId_fkey" FOREIGN KEY ("serviceNetworkId") REFERENCES "ServiceNetwork"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstateSettings" ADD CONSTRAINT "EstateSettings_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "LatticeService"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstateSettings" ADD CONSTRAINT "EstateSettings_resourceShareId_fkey" FOREIGN KEY ("resourceShareId") REFERENCES "ResourceShare"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstateSettings" ADD CONSTRAINT "EstateSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthPolicyRevision" ADD CONSTRAINT "AuthPolicyRevision_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "LatticeService"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthPolicyRevision" ADD CONSTRAINT "AuthPolicyRevision_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProvisioningRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_vpcId_fkey" FOREIGN KEY ("vpcId") REFERENCES "Vpc"("vpcId") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestPrincipal" ADD CONSTRAINT "AccessRequestPrincipal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestPrincipal" ADD CONSTRAINT "AccessRequestPrincipal_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "Principal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestModel" ADD CONSTRAINT "AccessRequestModel_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequestModel" ADD CONSTRAINT "AccessRequestModel_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_principalId_fkey" FOREIGN KEY ("principalId") REFERENCES "Principal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisioningRun" ADD CONSTRAINT "ProvisioningRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisioningRun" ADD CONSTRAINT "ProvisioningRun_triggeredById_fkey" FOREIGN KEY ("triggeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisioningStep" ADD CONSTRAINT "ProvisioningStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProvisioningRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
