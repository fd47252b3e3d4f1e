import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuthPolicy, listVpcAssociations, putAuthPolicy } from '@/lib/aws/lattice';
import { expireGrants } from '@/lib/access/expire-grants';
import { revokeGrant } from '@/lib/access/revoke-grant';
import { systemActor } from '@/lib/auth/permissions';
import { closeDb, getDb, type PrismaClient } from '@/lib/db';
import { setEnvForTesting } from '@/lib/env';
import { evaluateRequest, preparePolicy } from '@/lib/policy/evaluate-request';
import { parsePolicyOrThrow } from '@/lib/policy/parse-policy';
import { startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';
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
 * The apply-grants workflow end to end on the sandbox through the real SDK: RAM, VPC association, auth policy
 * applied and read back, grants and request ACTIVE only afterwards; then revoke, expiry and overlapping grants.
 */
let dataDir: string;
let sandbox: TTestSandbox;
let db: PrismaClient;
let serviceArn: string;

async function livePolicy() {
  const p = await getAuthPolicy(sandbox.aws.clients('genai'), { resourceIdentifier: serviceArn });
  return p?.policy ?? null;
}

async function liveDecision(principal: string, model: string) {
  const json = await livePolicy();
  if (!json) return 'DENY';
  const prepared = preparePolicy(parsePolicyOrThrow(JSON.parse(json)));
  return evaluateRequest(prepared, {
    principal,
    principalOrgId: 'o-bap7demo42x',
    action: 'vpc-lattice-svcs:Invoke',
    serviceArn,
    path: '/model/invoke',
    query: { modelid: [model] },
  }).decision;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bap-prov-'));
  setEnvForTesting({ PORTAL_DATA_DIR: dataDir, DATABASE_URL: undefined });
  sandbox = await startTestSandbox({ associationDelayMs: 30 });
  db = await getDb();
  await setUpWorld(db, sandbox.aws);
  const s = await db.estateSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { service: { select: { arn: true } } },
  });
  serviceArn = s.service!.arn;
}, 120_000);

afterAll(async () => {
  await closeDb();
  await sandbox?.stop();
  setEnvForTesting({});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('apply-grants', () => {
  it('shares, associates the VPC, applies and reads back the policy, then marks everything ACTIVE', async () => {
    const { requestId, runId } = await approveRequest(db, {
      principals: [DEV],
      models: [NOVA],
      vpcId: 'vpc-6269e0d37f2a74de4',
      securityGroupIds: ['sg-0a1b2c3d4e5f60001'],
    });
    const ports = portsFor(db, sandbox.aws);
    expect(await drainRuns(ports)).toEqual(['succeeded']);

    const run = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: {
        status: true,
        appliedPolicyHash: true,
        steps: {
          orderBy: { seq: 'asc' },
          select: {
            name: true,
            status: true,
            attempts: true,
            awsRequestIds: true,
            startedAt: true,
            finishedAt: true,
          },
        },
      },
    });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([
      ['share-with-account', 'SUCCEEDED'],
      ['associate-vpc', 'SUCCEEDED'],
      ['apply-auth-policy', 'SUCCEEDED'],
      ['activate-grants', 'SUCCEEDED'],
    ]);
    for (const s of run.steps.slice(0, 3)) {
      expect(s.awsRequestIds.length).toBeGreaterThan(0);
      expect(s.finishedAt!.getTime()).toBeGreaterThanOrEqual(s.startedAt!.getTime());
    }
    const req = await db.accessRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true, grants: { select: { status: true } } },
    });
    expect(req.status).toBe('ACTIVE');
    expect(req.grants.map((g) => g.status)).toEqual(['ACTIVE']);

    expect(await liveDecision(DEV, NOVA)).toBe('ALLOW');
    expect(await liveDecision(DEV, HAIKU)).toBe('DENY');
    const rev = await db.authPolicyRevision.findFirstOrThrow({
      where: { runId },
      select: { hash: true, previousHash: true, verifiedAt: true },
    });
    expect(rev.hash).toBe(run.appliedPolicyHash);
    expect(rev.previousHash).toBeNull();
    expect(rev.verifiedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'auth-policy.apply', details: { path: ['runId'], equals: runId } },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ hashBefore: null, hashAfter: rev.hash });

    const assoc = await listVpcAssociations(sandbox.aws.clients({ workloadAccountId: '200000000331' }), {
      vpcIdentifier: 'vpc-6269e0d37f2a74de4',
    });
    expect(assoc.filter((a) => a.status === 'ACTIVE')).toHaveLength(1);
  });

  it('a second request for the same VPC reuses the association, and a retry of nothing writes nothing', async () => {
    const { runId } = await approveRequest(db, {
      principals: [PROD],
      models: [NOVA],
      vpcId: 'vpc-6269e0d37f2a74de4',
      securityGroupIds: ['sg-0a1b2c3d4e5f60001'],
    });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    const step = await db.provisioningStep.findFirstOrThrow({
      where: { runId, name: 'associate-vpc' },
      select: { output: true },
    });
    expect(step.output).toMatchObject({ reused: true, differs: null, status: 'ACTIVE' });
    expect(await liveDecision(PROD, NOVA)).toBe('ALLOW');
    expect(await liveDecision(DEV, NOVA)).toBe('ALLOW');
  });

  it('overlapping grants: revoking one keeps the access another active grant gives; revoking the last removes it', async () => {
    const overlap = await approveRequest(db, { principals: [DEV], models: [NOVA], durationDays: null });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    const first = await db.grant.findFirstOrThrow({
      where: {
        principal: { arn: DEV },
        model: { modelId: NOVA },
        status: 'ACTIVE',
        requestId: { not: overlap.requestId },
      },
      select: { id: true },
    });
    await revokeGrant(systemActor('system'), { grantId: first.id, reason: 'overlap test' }, { db });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    expect(await liveDecision(DEV, NOVA)).toBe('ALLOW');

    await revokeGrant(systemActor('system'), { grantId: overlap.grantIds[0]!, reason: 'done' }, { db });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    expect(await liveDecision(DEV, NOVA)).toBe('DENY');
    expect(await liveDecision(PROD, NOVA)).toBe('ALLOW');
    const req = await db.accessRequest.findUniqueOrThrow({
      where: { id: overlap.requestId },
      select: { status: true },
    });
    expect(req.status).toBe('REVOKED');
  });

  it('expiry: the sweep ends grants past expiresAt and the policy is recompiled without them', async () => {
    const prodGrant = await db.grant.findFirstOrThrow({
      where: { principal: { arn: PROD }, status: 'ACTIVE' },
      select: { id: true, requestId: true },
    });
    await db.grant.update({ where: { id: prodGrant.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const out = await expireGrants({ db });
    expect(out.expired).toBe(1);
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    expect(await liveDecision(PROD, NOVA)).toBe('DENY');
    const req = await db.accessRequest.findUniqueOrThrow({
      where: { id: prodGrant.requestId! },
      select: { status: true },
    });
    expect(req.status).toBe('EXPIRED');
    expect((await expireGrants({ db })).expired).toBe(0);
  });

  it('drift: an out-of-band PutAuthPolicy stops the next run, which waits for a decision', async () => {
    const outOfBand = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'vpc-lattice-svcs:Invoke', Resource: '*' }],
    });
    await putAuthPolicy(sandbox.aws.clients('genai'), { resourceIdentifier: serviceArn, policy: outOfBand });
    const { runId, requestId } = await approveRequest(db, { principals: [DEV], models: [HAIKU] });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['halted']);
    const run = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true, waitingFor: true },
    });
    expect(run.status).toBe('PENDING');
    expect(run.waitingFor).toMatch(/drift/);
    expect(await livePolicy()).toBe(outOfBand);
    const req = await db.accessRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true },
    });
    expect(req.status).toBe('PROVISIONING');
    const finding = await db.driftFinding.findFirstOrThrow({
      where: { resolvedAt: null },
      select: { liveHash: true },
    });
    expect(finding.liveHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
