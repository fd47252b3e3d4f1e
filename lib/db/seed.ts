/**
 * Demo data: the personas, teams, accounts, principals, VPCs of lib/demo/world.ts, the model catalog and the
 * us-east-1 price book. Idempotent (every write is an upsert keyed by a natural key), so start-up runs it on every
 * boot in demo mode. Re-seeding never overwrites what an admin may have changed since (tiers, enabled flags).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { GlobalRole, ModelTier } from '@/lib/generated/prisma/enums';
import prices from '@/lib/demo/bedrock-prices-us-east-1.json';
import { DEMO_PERSONAS, DEMO_TEAMS, DEMO_TWO_APPROVAL_MODELS } from '@/lib/demo/world';

export const DEMO_PRICE_EFFECTIVE_FROM = new Date('2024-01-01T00:00:00.000Z');

interface TPriceRow {
  modelId: string;
  provider: string;
  name: string;
  input: number;
  output: number;
  cacheRead: number | null;
  cacheWrite: number | null;
}

// Demo tiers: the largest models are restricted, mid-size ones advanced, the rest standard.
const RESTRICTED = new Set(['anthropic.claude-3-opus-20240229-v1:0']);
const ADVANCED = new Set([
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'mistral.mistral-large-2402-v1:0',
  'meta.llama3-70b-instruct-v1:0',
  'amazon.nova-pro-v1:0',
]);

export function demoModelTier(modelId: string): ModelTier {
  if (RESTRICTED.has(modelId)) return 'RESTRICTED';
  if (ADVANCED.has(modelId)) return 'ADVANCED';
  return 'STANDARD';
}

/** arn:aws:iam::<acct>:role/<path...>/<name> → { accountId, kind, path, name } */
export function parseIamArn(arn: string): {
  accountId: string;
  kind: 'ROLE' | 'USER';
  path: string;
  name: string;
} {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user)(\/(?:[^/]+\/)*)([^/]+)$/.exec(arn);
  if (!m) throw new Error(`not an IAM role or user ARN: ${arn}`);
  return { accountId: m[1]!, kind: m[2] === 'role' ? 'ROLE' : 'USER', path: m[3]!, name: m[4]! };
}

// Decimal columns take strings, so prices never pass through binary floating point on the way in.
const money = (n: number) => String(n);

export interface TSeedSummary {
  users: number;
  teams: number;
  accounts: number;
  principals: number;
  vpcs: number;
  models: number;
  prices: number;
}

export async function seedDemoData(db: PrismaClient): Promise<TSeedSummary> {
  return db.$transaction(
    async (tx) => {
      const userIds = new Map<string, string>();
      for (const p of DEMO_PERSONAS) {
        const globalRoles = p.roles.map((r) => r.toUpperCase() as GlobalRole);
        const user = await tx.user.upsert({
          where: { email: p.email },
          create: { email: p.email, name: p.name, globalRoles },
          update: { name: p.name, globalRoles },
          select: { id: true },
        });
        userIds.set(p.email, user.id);
      }

      let principalCount = 0;
      let vpcCount = 0;
      const teamIds = new Map<string, string>();
      for (const t of DEMO_TEAMS) {
        const team = await tx.team.upsert({
          where: { slug: t.slug },
          create: { slug: t.slug, name: t.name, costCenter: t.costCenter },
          update: { name: t.name, costCenter: t.costCenter },
          select: { id: true },
        });
        teamIds.set(t.slug, team.id);
        await tx.awsAccount.upsert({
          where: { accountId: t.accountId },
          create: { accountId: t.accountId, teamId: team.id, name: `${t.name} workloads` },
          update: {},
          select: { id: true },
        });
        for (const arn of t.principals) {
          const parsed = parseIamArn(arn);
          const principal = await tx.principal.upsert({
            where: { arn },
            create: { arn, ...parsed },
            update: {},
            select: { id: true },
          });
          const mapped = await tx.principalMapping.findFirst({
            where: { principalId: principal.id },
            select: { id: true },
          });
          if (!mapped) {
            // First mapping: valid from the beginning of time, so every historical log line is attributed.
            await tx.principalMapping.create({
              data: { principalId: principal.id, teamId: team.id, validFrom: null, validTo: null },
              select: { id: true },
            });
          }
          principalCount++;
        }
        for (const v of t.vpcs) {
          await tx.vpc.upsert({
            where: { vpcId: v.vpcId },
            create: {
              vpcId: v.vpcId,
              teamId: team.id,
              accountId: t.accountId,
              region: v.region,
              environment: v.environment,
              securityGroupIds: v.securityGroupIds,
            },
            update: { securityGroupIds: v.securityGroupIds },
            select: { id: true },
          });
          vpcCount++;
        }
      }

      for (const p of DEMO_PERSONAS) {
        for (const m of p.teams) {
          const teamId = teamIds.get(m.slug);
          const userId = userIds.get(p.email);
          if (!teamId || !userId) continue;
          const role = m.role === 'lead' ? 'LEAD' : 'MEMBER';
          await tx.teamMembership.upsert({
            where: { teamId_userId: { teamId, userId } },
            create: { teamId, userId, role },
            update: { role },
            select: { id: true },
          });
        }
      }

      const rows = prices.models as TPriceRow[];
      for (const m of rows) {
        await tx.model.upsert({
          where: { modelId: m.modelId },
          create: {
            modelId: m.modelId,
            policyKey: m.modelId,
            name: m.name,
            provider: m.provider,
            tier: demoModelTier(m.modelId),
            requiresTwoApprovals: DEMO_TWO_APPROVAL_MODELS.has(m.modelId),
          },
          update: { name: m.name, provider: m.provider },
          select: { id: true },
        });
        const entry = {
          currency: prices.currency,
          inputPerMillion: money(m.input),
          outputPerMillion: money(m.output),
          cacheReadPerMillion: m.cacheRead === null ? null : money(m.cacheRead),
          cacheWritePerMillion: m.cacheWrite === null ? null : money(m.cacheWrite),
        };
        await tx.priceBookEntry.upsert({
          where: {
            modelId_region_effectiveFrom: {
              modelId: m.modelId,
              region: prices.region,
              effectiveFrom: DEMO_PRICE_EFFECTIVE_FROM,
            },
          },
          create: {
            modelId: m.modelId,
            region: prices.region,
            effectiveFrom: DEMO_PRICE_EFFECTIVE_FROM,
            ...entry,
          },
          update: entry,
          select: { id: true },
        });
      }

      return {
        users: DEMO_PERSONAS.length,
        teams: DEMO_TEAMS.length,
        accounts: DEMO_TEAMS.length,
        principals: principalCount,
        vpcs: vpcCount,
        models: rows.length,
        prices: rows.length,
      };
    },
    // PGlite runs the ~100 upserts well inside this, but a cold PostgreSQL connection may not fit the 5 s default.
    { timeout: 60_000, maxWait: 20_000 },
  );
}
