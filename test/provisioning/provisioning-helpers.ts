import { pino } from 'pino';
import type { TAwsContext } from '@/lib/aws/clients';
import type { PrismaClient } from '@/lib/db';
import { seedDemoData } from '@/lib/db/seed';
import { bootstrapDemoEstate } from '@/lib/estate/bootstrap-demo-estate';
import { recordEstate } from '@/lib/estate/record-estate';
import { executeProvisioningRun, type TRunResult } from '@/lib/provisioning/execute-provisioning-run';
import { claimProvisioningRun } from '@/lib/provisioning/leases';
import {
  DEFAULT_TIMINGS,
  systemClock,
  type TEngineTimings,
  type TProvisioningPorts,
} from '@/lib/provisioning/ports';
import { startProvisioningRun } from '@/lib/provisioning/start-provisioning-run';

/** Shared set-up of the provisioning suites: the demo world seeded, the demo estate bootstrapped in the sandbox. */
export const DEV = 'arn:aws:iam::200000000331:role/payments-dev-invoker';
export const PROD = 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker';
export const NOVA = 'amazon.nova-lite-v1:0';
export const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

export const quietLog = pino({ level: 'silent' });

export const FAST_TIMINGS: TEngineTimings = {
  ...DEFAULT_TIMINGS,
  leaseMs: 5_000,
  backoffBaseMs: 5,
  backoffCapMs: 20,
};

export async function setUpWorld(db: PrismaClient, aws: TAwsContext): Promise<void> {
  await seedDemoData(db);
  await recordEstate(db, null, await bootstrapDemoEstate(aws));
}

export function portsFor(db: PrismaClient, aws: TAwsContext, workerId = 'test-worker'): TProvisioningPorts {
  return { db, aws, clock: systemClock, log: quietLog, workerId };
}

/**
 * What helper C's final approval does, in one transaction: records the approval, sets the request PROVISIONING,
 * creates PENDING grants and starts the run.
 */
export async function approveRequest(
  db: PrismaClient,
  input: {
    team?: string;
    principals: string[];
    models: string[];
    vpcId?: string;
    securityGroupIds?: string[];
    durationDays?: number | null;
    approverEmail?: string;
  },
): Promise<{ requestId: string; runId: string; grantIds: string[] }> {
  const team = await db.team.findUniqueOrThrow({
    where: { slug: input.team ?? 'payments' },
    select: { id: true },
  });
  const lead = await db.user.findUniqueOrThrow({
    where: { email: 'lena.lead@example.com' },
    select: { id: true },
  });
  const approver = await db.user.findFirstOrThrow({
    where: { email: input.approverEmail ?? 'ada.approver@example.com' },
    select: { id: true },
  });
  const principals = await db.principal.findMany({
    where: { arn: { in: input.principals } },
    select: { id: true },
  });
  const models = await db.model.findMany({ where: { modelId: { in: input.models } }, select: { id: true } });
  if (principals.length !== input.principals.length || models.length !== input.models.length) {
    throw new Error(`unknown principal or model in ${JSON.stringify(input)}`);
  }
  const duration = input.durationDays === undefined ? 30 : input.durationDays;
  return db.$transaction(
    async (tx) => {
      const req = await tx.accessRequest.create({
        data: {
          teamId: team.id,
          requesterId: lead.id,
          justification: 'provisioning test',
          durationDays: duration,
          vpcId: input.vpcId ?? null,
          securityGroupIds: input.securityGroupIds ?? [],
          status: 'PROVISIONING',
          decidedAt: new Date(),
          principals: { create: principals.map((p) => ({ principalId: p.id })) },
          models: { create: models.map((m) => ({ modelId: m.id })) },
          approvals: { create: [{ approverId: approver.id, decision: 'APPROVE' }] },
        },
        select: { id: true },
      });
      const expiresAt = duration === null ? null : new Date(Date.now() + duration * 86_400_000);
      const grantIds: string[] = [];
      for (const p of principals) {
        for (const m of models) {
          const g = await tx.grant.create({
            data: {
              teamId: team.id,
              principalId: p.id,
              modelId: m.id,
              requestId: req.id,
              status: 'PENDING',
              expiresAt,
            },
            select: { id: true },
          });
          grantIds.push(g.id);
        }
      }
      const { runId } = await startProvisioningRun(tx, {
        kind: 'apply-grants',
        requestId: req.id,
        triggeredById: approver.id,
      });
      return { requestId: req.id, runId, grantIds };
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}

/** Claims and executes runs until none is due (or `max` were run). */
export async function drainRuns(
  ports: TProvisioningPorts,
  timings = FAST_TIMINGS,
  max = 200,
): Promise<TRunResult[]> {
  const results: TRunResult[] = [];
  for (let i = 0; i < max; i++) {
    const claimed = await claimProvisioningRun(ports.db, ports.workerId, ports.clock.now(), timings.leaseMs);
    if (!claimed) break;
    results.push(await executeProvisioningRun(ports, claimed.id, timings));
  }
  return results;
}
