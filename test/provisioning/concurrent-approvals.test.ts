import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuthPolicy } from '@/lib/aws/lattice';
import { migrateDatabase } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { evaluateRequest, preparePolicy } from '@/lib/policy/evaluate-request';
import { parsePolicyOrThrow } from '@/lib/policy/parse-policy';
import { startProvisioningWorker } from '@/lib/provisioning/start-provisioning-worker';
import { systemClock } from '@/lib/provisioning/ports';
import { startTestSandbox, waitUntil, type TTestSandbox } from '../aws/sandbox-helpers';
import { adminDatabaseUrl, testDatabaseKinds, type TFreshDatabase } from '../db/test-databases';
import { approveRequest, FAST_TIMINGS, HAIKU, NOVA, quietLog, setUpWorld } from './provisioning-helpers';

/**
 * 50 approvals at once on one service, on PostgreSQL, worked by four workers (as four portal instances would):
 * policy writes are serialized by the per-service lease, so the end is one policy holding all 50 grants, and every
 * request is ACTIVE. The grants share three model sets, so the compiled policy fits in 10 KB.
 */
const postgres = testDatabaseKinds.find((k) => k.name === 'postgresql');
const N = 50;
const SETS = [[NOVA], [HAIKU], [NOVA, 'amazon.nova-pro-v1:0']];
let fresh: TFreshDatabase | undefined;
let sandbox: TTestSandbox;
const clients: PrismaClient[] = [];

beforeAll(async () => {
  if (!postgres) return;
  fresh = await postgres.fresh();
  await migrateDatabase(fresh.sql);
  sandbox = await startTestSandbox({ associationDelayMs: 0 });
  const db = fresh.prisma();
  await setUpWorld(db, sandbox.aws);
  for (let i = 0; i < N; i++) {
    await db.principal.create({
      data: { arn: `arn:aws:iam::200000000331:role/bulk-${i}`, accountId: '200000000331', name: `bulk-${i}` },
    });
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await sandbox?.stop();
  await fresh?.dispose();
});

describe.runIf(Boolean(adminDatabaseUrl))('50 concurrent approvals on PostgreSQL', () => {
  it('end with one live policy holding all 50 grants', async () => {
    const db = fresh!.prisma();
    const approved = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        approveRequest(db, {
          principals: [`arn:aws:iam::200000000331:role/bulk-${i}`],
          models: SETS[i % SETS.length]!,
        }),
      ),
    );
    for (let w = 0; w < 4; w++) {
      const { PrismaClient } = await import('@/lib/generated/prisma/client');
      const { PrismaPg } = await import('@prisma/adapter-pg');
      clients.push(new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh!.url! }) }));
    }
    const workers = clients.map((c, w) =>
      startProvisioningWorker(
        { db: c, aws: sandbox.aws, clock: systemClock, log: quietLog, workerId: `w${w}` },
        { pollMs: 20, expiryEveryMs: 0, timings: FAST_TIMINGS },
      ),
    );
    try {
      await waitUntil(
        () => db.provisioningRun.count({ where: { status: { not: 'SUCCEEDED' } } }),
        (left) => left === 0,
        120_000,
      );
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const requests = await db.accessRequest.findMany({
      where: { id: { in: approved.map((a) => a.requestId) } },
      select: { status: true },
    });
    expect(requests.every((r) => r.status === 'ACTIVE')).toBe(true);
    // Work really was spread: more than one worker ran runs.
    const byWorker = await db.auditEvent.count({ where: { action: 'provisioning.run.succeed' } });
    expect(byWorker).toBe(N);

    const s = await db.estateSettings.findUniqueOrThrow({
      where: { id: 1 },
      select: { service: { select: { arn: true } } },
    });
    const live = await getAuthPolicy(sandbox.aws.clients('genai'), { resourceIdentifier: s.service!.arn });
    const prepared = preparePolicy(parsePolicyOrThrow(JSON.parse(live!.policy)));
    for (let i = 0; i < N; i++) {
      for (const model of SETS[i % SETS.length]!) {
        const decision = evaluateRequest(prepared, {
          principal: `arn:aws:iam::200000000331:role/bulk-${i}`,
          principalOrgId: 'o-bap7demo42x',
          action: 'vpc-lattice-svcs:Invoke',
          serviceArn: s.service!.arn,
          path: '/model/invoke',
          query: { modelid: [model] },
        }).decision;
        expect(decision, `bulk-${i} → ${model}`).toBe('ALLOW');
      }
    }
    const grants = await db.grant.count({ where: { status: 'ACTIVE' } });
    expect(grants).toBe(SETS.reduce((sum, set, k) => sum + set.length * Math.ceil((N - k) / SETS.length), 0));
  }, 180_000);
});
