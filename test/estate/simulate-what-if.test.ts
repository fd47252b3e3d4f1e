import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDefaultAwsContext } from '@/lib/aws/clients';
import type { TActor } from '@/lib/auth/permissions';
import { closeDb, getDb } from '@/lib/db';
import { seedDemoData } from '@/lib/db/seed';
import { setEnvForTesting } from '@/lib/env';
import { bootstrapDemoEstate } from '@/lib/estate/bootstrap-demo-estate';
import { recordEstate } from '@/lib/estate/record-estate';
import { simulateWhatIf } from '@/lib/estate/simulate-what-if';
import { AppError } from '@/lib/errors/app-error';
import { startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';

/**
 * The what-if operation end to end: live policies read from the sandbox through the SDK, the proposed policy
 * compiled from active grants plus pending requests, evaluated for one principal or a whole team.
 */
const DEV = 'arn:aws:iam::200000000331:role/payments-dev-invoker';
const PROD = 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker';
const NOVA = 'amazon.nova-lite-v1:0';

const approver: TActor = {
  userId: 'u-approver',
  email: 'ada.approver@example.com',
  name: 'Ada',
  globalRoles: ['APPROVER'],
  teams: [],
};

let dataDir: string;
let sandbox: TTestSandbox;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'bap-whatif-'));
  // Always the embedded database here, even when DATABASE_URL names the PostgreSQL other suites use.
  setEnvForTesting({ PORTAL_DATA_DIR: dataDir, DATABASE_URL: undefined });
  sandbox = await startTestSandbox();
  setDefaultAwsContext(sandbox.aws);
  const db = await getDb();
  await seedDemoData(db);
  await recordEstate(db, null, await bootstrapDemoEstate(sandbox.aws));
  const team = await db.team.findUniqueOrThrow({ where: { slug: 'payments' }, select: { id: true } });
  const lead = await db.user.findUniqueOrThrow({
    where: { email: 'lena.lead@example.com' },
    select: { id: true },
  });
  const principal = await db.principal.findUniqueOrThrow({ where: { arn: DEV }, select: { id: true } });
  const model = await db.model.findUniqueOrThrow({ where: { modelId: NOVA }, select: { id: true } });
  await db.accessRequest.create({
    data: {
      teamId: team.id,
      requesterId: lead.id,
      justification: 'Summarise disputes',
      durationDays: 30,
      principals: { create: [{ principalId: principal.id }] },
      models: { create: [{ modelId: model.id }] },
    },
  });
}, 120_000);

afterAll(async () => {
  await closeDb();
  setDefaultAwsContext(undefined);
  await sandbox?.stop();
  setEnvForTesting({});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('what-if against the live policy and the pending requests', () => {
  it('a requested pair is denied live and allowed once the pending request is approved', async () => {
    const result = await simulateWhatIf(approver, { principal: DEV, model: NOVA });
    expect(result.live.hasPolicy).toBe(false);
    expect(result.results).toHaveLength(1);
    expect(result.results[0]!.live.decision).toBe('DENY');
    expect(result.results[0]!.proposed.decision).toBe('ALLOW');
    expect(result.proposed).toMatchObject({ pendingRequests: 1, fits: true });
    expect(result.change.gained).toEqual([{ principal: DEV, model: NOVA }]);
    expect(result.change.lost).toEqual([]);
  });

  it('evaluates every principal of a team, and an assumed-role session counts as its role', async () => {
    const team = await simulateWhatIf(approver, { team: 'payments', model: NOVA });
    const byPrincipal = Object.fromEntries(team.results.map((r) => [r.principal, r.proposed.decision]));
    expect(byPrincipal).toEqual({ [DEV]: 'ALLOW', [PROD]: 'DENY' });
    const session = await simulateWhatIf(approver, {
      principal: 'arn:aws:sts::200000000331:assumed-role/payments-dev-invoker/app',
      model: NOVA,
    });
    expect(session.results[0]!.proposed.decision).toBe('ALLOW');
    const otherModel = await simulateWhatIf(approver, {
      principal: DEV,
      model: 'anthropic.claude-3-opus-20240229-v1:0',
    });
    expect(otherModel.results[0]!.proposed.decision).toBe('DENY');
  });

  it('refuses bad input and callers without estate access', async () => {
    await expect(simulateWhatIf(approver, { principal: 'not-an-arn', model: NOVA })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(simulateWhatIf(approver, { principal: DEV, model: 'anthropic.*' })).rejects.toBeInstanceOf(
      AppError,
    );
    const lead: TActor = { userId: 'u', email: 'l@example.com', name: 'L', globalRoles: [], teams: [] };
    await expect(simulateWhatIf(lead, { principal: DEV, model: NOVA })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
