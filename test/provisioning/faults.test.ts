import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsContext } from '@/lib/aws/clients';
import { buildAwsConfig } from '@/lib/aws/config';
import { closeDb, getDb, type PrismaClient } from '@/lib/db';
import { DEMO_WORKLOAD_ROLE_NAME } from '@/lib/demo/world';
import { setEnvForTesting } from '@/lib/env';
import { systemActor } from '@/lib/auth/permissions';
import { retryProvisioningRun } from '@/lib/provisioning/retry-provisioning-run';
import {
  BASE_CREDENTIALS,
  fastConfig,
  GENAI_ROLE,
  NETWORK_ROLE,
  startTestSandbox,
  type TTestSandbox,
} from '../aws/sandbox-helpers';
import {
  approveRequest,
  DEV,
  drainRuns,
  HAIKU,
  NOVA,
  portsFor,
  PROD,
  setUpWorld,
} from './provisioning-helpers';

/**
 * The engine under the sandbox's fault injection, one test per fault: transient faults are retried with backoff and
 * end in a correct state with the write done once; Conflict and access errors fail at once with a clear reason.
 */
let dataDir: string;
let t: TTestSandbox;
let db: PrismaClient;
const models = ['amazon.nova-pro-v1:0', NOVA, HAIKU];
let n = 0;
/** A fresh (principal, model) pair per test, so each run really changes the policy. */
const nextPair = () => ({ principals: [n % 2 ? PROD : DEV], models: [models[Math.floor(n++ / 2) % 3]!] });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bap-faults-'));
  setEnvForTesting({ PORTAL_DATA_DIR: dataDir, DATABASE_URL: undefined });
  t = await startTestSandbox({ associationDelayMs: 0 });
  db = await getDb();
  await setUpWorld(db, t.aws);
}, 120_000);
beforeEach(() => t.resetCalls());
afterEach(() => t.clearFaults());
afterAll(async () => {
  await closeDb();
  await t?.stop();
  setEnvForTesting({});
  rmSync(dataDir, { recursive: true, force: true });
});

const stepOf = (runId: string, name: string) =>
  db.provisioningStep.findFirstOrThrow({
    where: { runId, name },
    select: { status: true, error: true, awsRequestIds: true },
  });

describe('provisioning under injected faults', () => {
  it('throttling on PutAuthPolicy is retried with backoff; the policy is written exactly once', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'PutAuthPolicy', kind: 'throttle', count: 2 });
    const { runId } = await approveRequest(db, nextPair());
    expect(await drainRuns(portsFor(db, t.aws))).toEqual(['succeeded']);
    const put = t.calls('vpc-lattice', 'PutAuthPolicy');
    expect(put.ok).toBe(1);
    expect(put.outcomes['fault:throttle']).toBe(2);
    expect((await stepOf(runId, 'apply-auth-policy')).awsRequestIds.length).toBeGreaterThanOrEqual(5);
  });

  it('a 5xx from RAM is retried and the share step completes', async () => {
    t.fault({ service: 'ram', operation: 'GetResourceShareAssociations', kind: '5xx', count: 1 });
    const { runId } = await approveRequest(db, nextPair());
    expect(await drainRuns(portsFor(db, t.aws))).toEqual(['succeeded']);
    expect(t.calls('ram', 'GetResourceShareAssociations').outcomes['fault:5xx']).toBe(1);
    expect((await stepOf(runId, 'share-with-account')).status).toBe('SUCCEEDED');
  });

  it('a timeout reading the live policy is retried', async () => {
    const short = createAwsContext({
      client: buildAwsConfig({
        region: 'us-east-1',
        endpoint: t.sandbox.url,
        credentials: BASE_CREDENTIALS,
        maxAttempts: 1,
        retryBaseMs: 1,
        timeoutMs: 300,
      }),
      networkRoleArn: NETWORK_ROLE,
      genaiRoleArn: GENAI_ROLE,
      workloadRoleName: DEMO_WORKLOAD_ROLE_NAME,
      sessionName: 'vitest',
      sandbox: true,
    });
    t.fault({ service: 'vpc-lattice', operation: 'GetAuthPolicy', kind: 'timeout', count: 1, holdMs: 2_000 });
    await approveRequest(db, nextPair());
    expect(await drainRuns(portsFor(db, short))).toEqual(['succeeded']);
    expect(t.calls('vpc-lattice', 'GetAuthPolicy').outcomes['fault:timeout']).toBe(1);
    expect(t.calls('vpc-lattice', 'PutAuthPolicy').ok).toBe(1);
  });

  it('Conflict on creating the VPC association fails at once with the reason; a retry from the UI completes', async () => {
    t.fault({
      service: 'vpc-lattice',
      operation: 'CreateServiceNetworkVpcAssociation',
      kind: 'conflict',
      count: 1,
    });
    const { runId, requestId } = await approveRequest(db, {
      ...nextPair(),
      vpcId: 'vpc-51818e811892f902b',
      team: 'search',
      principals: ['arn:aws:iam::200111111951:role/search-dev-invoker'],
    });
    expect(await drainRuns(portsFor(db, t.aws))).toEqual(['failed']);
    expect(t.calls('vpc-lattice', 'CreateServiceNetworkVpcAssociation').total).toBe(1);
    const run = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true, error: true },
    });
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/ConflictException|CreateServiceNetworkVpcAssociation/);
    expect(
      (await db.accessRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } }))
        .status,
    ).toBe('FAILED');
    expect(t.calls('vpc-lattice', 'PutAuthPolicy').total).toBe(0);

    await retryProvisioningRun(systemActor('system'), runId, { db });
    expect(await drainRuns(portsFor(db, t.aws))).toEqual(['succeeded']);
    expect(t.calls('vpc-lattice', 'CreateServiceNetworkVpcAssociation').ok).toBe(1);
    expect(
      (await db.accessRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } }))
        .status,
    ).toBe('ACTIVE');
  });

  it('throttling that never ends gives up after a bounded number of attempts and fails the run', async () => {
    t.fault({ service: 'vpc-lattice', operation: 'PutAuthPolicy', kind: 'throttle', rate: 1 });
    const { runId } = await approveRequest(db, nextPair());
    expect(await drainRuns(portsFor(db, t.aws))).toEqual(['failed']);
    expect(t.calls('vpc-lattice', 'PutAuthPolicy').total).toBe(5);
    const step = await stepOf(runId, 'apply-auth-policy');
    expect(step.status).toBe('FAILED');
    expect(step.error).toMatch(/Throttl/);
  });

  it('AccessDenied on the portal’s own role is an operator error naming the IAM action and the role', async () => {
    t.clearFaults();
    // The network role has no rights on the generative-AI account's service.
    const wrong = createAwsContext({
      client: fastConfig(t.sandbox.url),
      networkRoleArn: NETWORK_ROLE,
      genaiRoleArn: NETWORK_ROLE,
      workloadRoleName: DEMO_WORKLOAD_ROLE_NAME,
      sessionName: 'vitest',
      sandbox: true,
    });
    const { runId } = await approveRequest(db, nextPair());
    expect(await drainRuns(portsFor(db, wrong))).toEqual(['failed']);
    const run = await db.provisioningRun.findUniqueOrThrow({ where: { id: runId }, select: { error: true } });
    expect(run.error).toMatch(/^Operator action needed: /);
    expect(run.error).toContain(NETWORK_ROLE);
    expect(run.error).toMatch(/vpc-lattice:GetAuthPolicy/);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'provisioning.run.fail', targetId: runId },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ operatorError: true });
  });
});
