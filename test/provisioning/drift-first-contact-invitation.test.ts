import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  RAMClient,
  AcceptResourceShareInvitationCommand,
  GetResourceShareInvitationsCommand,
} from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsContext } from '@/lib/aws/clients';
import { getAuthPolicy, putAuthPolicy } from '@/lib/aws/lattice';
import { listSharePrincipals } from '@/lib/aws/ram';
import { systemActor } from '@/lib/auth/permissions';
import { closeDb, getDb, type PrismaClient } from '@/lib/db';
import { setEnvForTesting } from '@/lib/env';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { readPolicyDrift } from '@/lib/provisioning/read-policy-drift';
import { reconcileEstate } from '@/lib/provisioning/reconcile-estate';
import { resolveDrift } from '@/lib/provisioning/resolve-drift';
import {
  fastConfig,
  NETWORK_ROLE,
  GENAI_ROLE,
  startTestSandbox,
  waitUntil,
  workloadRole,
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
 * First contact, drift (re-apply and adopt) and the RAM invitation of an account outside the organization, all on
 * the sandbox through the real SDK. The tests run in order on one estate.
 */
const EXTERNAL = '999988887777';
const PARTNER = `arn:aws:iam::${EXTERNAL}:role/partner-invoker`;
const ORG = 'o-bap7demo42x';
const admin = systemActor('system');

let dataDir: string;
let sandbox: TTestSandbox;
let db: PrismaClient;
let serviceArn: string;
let shareArn: string;

const genai = () => sandbox.aws.clients('genai');
const live = async () => (await getAuthPolicy(genai(), { resourceIdentifier: serviceArn }))?.policy ?? null;
const policyFor = (grants: { principal: string; models: string[] }[]) =>
  compileAuthPolicy(
    grants.map((g) => ({ ...g, team: g.principal === PARTNER ? 'partner' : 'payments' })),
    { serviceArn, orgId: ORG },
  ).json;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bap-drift-'));
  setEnvForTesting({ PORTAL_DATA_DIR: dataDir, DATABASE_URL: undefined });
  sandbox = await startTestSandbox({ associationDelayMs: 20 });
  db = await getDb();
  await setUpWorld(db, sandbox.aws);
  const s = await db.estateSettings.findUniqueOrThrow({
    where: { id: 1 },
    select: { service: { select: { arn: true } }, resourceShare: { select: { arn: true } } },
  });
  serviceArn = s.service!.arn;
  shareArn = s.resourceShare!.arn;
  const team = await db.team.create({
    data: { slug: 'partner', name: 'Partner', costCenter: 'CC-9' },
    select: { id: true },
  });
  await db.awsAccount.create({ data: { accountId: EXTERNAL, teamId: team.id, name: 'partner' } });
  await db.principal.create({ data: { arn: PARTNER, accountId: EXTERNAL, name: 'partner-invoker' } });
}, 120_000);

afterAll(async () => {
  await closeDb();
  await sandbox?.stop();
  setEnvForTesting({});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('first contact, drift and invitations', () => {
  it('first contact: a live policy is imported as out-of-band grants and nothing is applied until an admin reviews', async () => {
    const existing = policyFor([{ principal: DEV, models: [NOVA] }]);
    await putAuthPolicy(genai(), { resourceIdentifier: serviceArn, policy: existing });
    const report = await reconcileEstate(admin, { db, aws: sandbox.aws });
    expect(report.firstContactImported).toBe(true);
    const imported = await db.grant.findMany({
      where: { source: 'OUT_OF_BAND' },
      select: {
        status: true,
        expiresAt: true,
        principal: { select: { arn: true } },
        model: { select: { modelId: true } },
      },
    });
    expect(imported).toEqual([
      { status: 'ACTIVE', expiresAt: null, principal: { arn: DEV }, model: { modelId: NOVA } },
    ]);
    expect(await db.auditEvent.count({ where: { action: 'grant.import' } })).toBe(1);

    // Plan mode: what the portal would change, read-only.
    expect((await readPolicyDrift(db, sandbox.aws)).drift.state).toBe('first-contact-review');

    const { runId } = await approveRequest(db, { principals: [PROD], models: [NOVA] });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['halted']);
    expect(await live()).toBe(existing);
    const run = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: { waitingFor: true },
    });
    expect(run.waitingFor).toMatch(/first contact/);

    await resolveDrift(admin, { decision: 'adopt' }, { db, aws: sandbox.aws });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    expect(await live()).toBe(
      policyFor([
        { principal: DEV, models: [NOVA] },
        { principal: PROD, models: [NOVA] },
      ]),
    );
  });

  it('drift, re-apply: an out-of-band PutAuthPolicy stops runs; re-apply overwrites it and the stopped run resumes', async () => {
    const rogue = policyFor([
      { principal: DEV, models: [NOVA, HAIKU] },
      { principal: PROD, models: [NOVA] },
    ]);
    await putAuthPolicy(genai(), { resourceIdentifier: serviceArn, policy: rogue });
    const report = await reconcileEstate(admin, { db, aws: sandbox.aws });
    expect(report.policy.state).toBe('drifted');
    expect(report.policy.access.gained).toEqual([{ principal: DEV, model: HAIKU }]);

    const { runId, requestId } = await approveRequest(db, { principals: [PROD], models: [HAIKU] });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['halted']);
    expect(await live()).toBe(rogue);

    const decision = await resolveDrift(admin, { decision: 'reapply' }, { db, aws: sandbox.aws });
    expect(decision.runId).toBeTruthy();
    // The re-apply run was queued after the stopped one; either order ends in the compiled policy.
    const results = await drainRuns(portsFor(db, sandbox.aws));
    expect(results.filter((r) => r === 'succeeded').length).toBeGreaterThanOrEqual(2);
    const expected = policyFor([
      { principal: DEV, models: [NOVA] },
      { principal: PROD, models: [HAIKU, NOVA] },
    ]);
    expect(await live()).toBe(expected);
    const run = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true },
    });
    expect(run.status).toBe('SUCCEEDED');
    expect(
      (await db.accessRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } }))
        .status,
    ).toBe('ACTIVE');
    const audit = await db.auditEvent.findFirst({ where: { action: 'drift.reapply' } });
    expect(audit).not.toBeNull();
  });

  it('drift, adopt: the live access becomes out-of-band grants and survives the next apply', async () => {
    const rogue = policyFor([
      { principal: DEV, models: [NOVA] },
      { principal: PROD, models: [HAIKU, NOVA] },
      { principal: DEV, models: [HAIKU] },
    ]);
    await putAuthPolicy(genai(), { resourceIdentifier: serviceArn, policy: rogue });
    await reconcileEstate(admin, { db, aws: sandbox.aws });
    const out = await resolveDrift(admin, { decision: 'adopt' }, { db, aws: sandbox.aws });
    expect(out.adopted?.adopted.map((a) => [a.principal, a.model])).toEqual([[DEV, HAIKU]]);
    const g = await db.grant.findFirstOrThrow({
      where: { principal: { arn: DEV }, model: { modelId: HAIKU }, status: 'ACTIVE' },
      select: { source: true },
    });
    expect(g.source).toBe('OUT_OF_BAND');
    await approveRequest(db, { principals: [DEV], models: ['amazon.nova-pro-v1:0'] });
    expect(await drainRuns(portsFor(db, sandbox.aws))).toEqual(['succeeded']);
    const after = await live();
    expect(after).toContain(HAIKU);
    expect((await readPolicyDrift(db, sandbox.aws)).drift.state).toBe('in-sync');
  });

  it('an account outside the organization: the invitation is recorded and accepted from the team account via STS', async () => {
    const { runId } = await approveRequest(db, { team: 'partner', principals: [PARTNER], models: [NOVA] });
    let results = await drainRuns(portsFor(db, sandbox.aws));
    for (let i = 0; i < 20 && results.at(-1) === 'waiting'; i++) {
      await db.provisioningRun.update({ where: { id: runId }, data: { notBefore: null } });
      await new Promise((r) => setTimeout(r, 30));
      results = await drainRuns(portsFor(db, sandbox.aws));
    }
    expect(results.at(-1)).toBe('succeeded');
    const step = await db.provisioningStep.findFirstOrThrow({
      where: { runId, name: 'share-with-account' },
      select: { output: true, awsRequestIds: true },
    });
    expect(step.output).toMatchObject({ accounts: { [EXTERNAL]: 'ASSOCIATED' } });
    const principals = await listSharePrincipals(sandbox.aws.clients('network'), {
      resourceShareArn: shareArn,
    });
    expect(principals.find((p) => p.entity === EXTERNAL)).toMatchObject({
      status: 'ASSOCIATED',
      external: true,
    });
    expect(await live()).toContain(PARTNER);
  });

  it('without the workload role the step waits for the team to accept, then completes once they did', async () => {
    // Revoke the partner's sharing so a new invitation goes out, with a portal that has no role in their account.
    const network = sandbox.aws.clients('network');
    const { disassociatePrincipals } = await import('@/lib/aws/ram');
    await disassociatePrincipals(network, { resourceShareArn: shareArn, principals: [EXTERNAL] });
    await waitUntil(
      () => listSharePrincipals(network, { resourceShareArn: shareArn }),
      (ps) => ps.every((p) => p.entity !== EXTERNAL || p.status === 'DISASSOCIATED'),
    );
    const noRole = createAwsContext({
      client: fastConfig(sandbox.sandbox.url),
      networkRoleArn: NETWORK_ROLE,
      genaiRoleArn: GENAI_ROLE,
      workloadRoleName: 'NotThere',
      sessionName: 'vitest',
      sandbox: true,
    });
    const { runId } = await approveRequest(db, { team: 'partner', principals: [PARTNER], models: [HAIKU] });
    expect(await drainRuns(portsFor(db, noRole))).toEqual(['waiting']);
    const step = await db.provisioningStep.findFirstOrThrow({
      where: { runId, name: 'share-with-account' },
      select: { waitingFor: true },
    });
    expect(step.waitingFor).toMatch(/waiting for the team to accept/);

    // The team accepts in their own account.
    const ram = new RAMClient(await sandbox.configAs(workloadRole(EXTERNAL)));
    const inv = await ram.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }));
    const pending = inv.resourceShareInvitations!.find((i) => i.status === 'PENDING')!;
    await ram.send(
      new AcceptResourceShareInvitationCommand({
        resourceShareInvitationArn: pending.resourceShareInvitationArn,
      }),
    );
    let results: string[] = [];
    for (let i = 0; i < 20 && results.at(-1) !== 'succeeded'; i++) {
      await db.provisioningRun.update({ where: { id: runId }, data: { notBefore: null } });
      await new Promise((r) => setTimeout(r, 30));
      results = await drainRuns(portsFor(db, noRole));
    }
    expect(results.at(-1)).toBe('succeeded');
  });
});
