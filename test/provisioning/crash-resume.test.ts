import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listVpcAssociations } from '@/lib/aws/lattice';
import { listSharePrincipals } from '@/lib/aws/ram';
import { openDatabase, type TOpenDatabase } from '@/lib/db/open-database';
import { startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';
import {
  approveRequest,
  DEV,
  drainRuns,
  FAST_TIMINGS,
  NOVA,
  portsFor,
  setUpWorld,
} from './provisioning-helpers';

/**
 * A real crash: a child process runs the job and is killed with SIGKILL after its RAM and VPC writes completed,
 * mid-run. After a restart (this process opens the same database) the run resumes once the dead worker's lease
 * lapses, ends ACTIVE, and no completed AWS write is repeated: one RAM association, one VPC association, one
 * CreateServiceNetworkVpcAssociation request on the step's record.
 */
const VPC = 'vpc-6269e0d37f2a74de4';
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let sandbox: TTestSandbox;
let opened: TOpenDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bap-crash-'));
  sandbox = await startTestSandbox({ associationDelayMs: 1500 });
}, 60_000);

afterAll(async () => {
  await opened?.close();
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function runChild(): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=react-server',
        'test/provisioning/crash-child.ts',
        path.join(dir, 'pglite'),
        sandbox.sandbox.url,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('PAUSED')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, out });
      else reject(new Error(`child exited without being killed: ${out}\n${err}`));
    });
  });
}

describe('crash between steps', () => {
  it('a killed worker’s run resumes after restart and ends ACTIVE without repeating AWS writes', async () => {
    opened = await openDatabase({ dataDir: path.join(dir, 'pglite') });
    await setUpWorld(opened.db, sandbox.aws);
    const { runId, requestId } = await approveRequest(opened.db, {
      principals: [DEV],
      models: [NOVA],
      vpcId: VPC,
      securityGroupIds: ['sg-0a1b2c3d4e5f60001'],
    });
    await opened.close();
    opened = undefined;

    const child = await runChild();
    expect(child.killed).toBe(true);
    expect(child.out).toContain(`CLAIMED ${runId}`);

    // Restart: open the database again (the dead child's lock is stale), wait for its lease to lapse.
    opened = await openDatabase({ dataDir: path.join(dir, 'pglite') });
    const db = opened.db;
    const mid = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: {
        status: true,
        lockedBy: true,
        steps: { orderBy: { seq: 'asc' }, select: { name: true, status: true, awsRequestIds: true } },
      },
    });
    expect(mid.status).toBe('RUNNING');
    expect(mid.lockedBy).toMatch(/^crash-child:/);
    expect(mid.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'RUNNING', 'PENDING', 'PENDING']);
    const idsBefore = mid.steps[1]!.awsRequestIds;
    await new Promise((r) => setTimeout(r, 1_100));

    const ports = portsFor(db, sandbox.aws, 'restarted-worker');
    let results = await drainRuns(ports, FAST_TIMINGS);
    for (let i = 0; i < 10 && results.at(-1) !== 'succeeded'; i++) {
      await db.provisioningRun.updateMany({
        where: { id: runId, status: 'PENDING' },
        data: { notBefore: null },
      });
      await new Promise((r) => setTimeout(r, 300));
      results = await drainRuns(ports, FAST_TIMINGS);
    }
    expect(results.at(-1)).toBe('succeeded');

    const end = await db.provisioningRun.findUniqueOrThrow({
      where: { id: runId },
      select: {
        status: true,
        attempts: true,
        steps: {
          orderBy: { seq: 'asc' },
          select: { name: true, status: true, attempts: true, output: true },
        },
      },
    });
    expect(end.status).toBe('SUCCEEDED');
    expect(end.attempts).toBeGreaterThanOrEqual(2);
    expect(end.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    // The RAM step ran once: it was not repeated after the crash.
    expect(end.steps[0]!.attempts).toBe(1);
    const req = await db.accessRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { status: true },
    });
    expect(req.status).toBe('ACTIVE');

    // No completed AWS write repeated: one association of the VPC, the same one the crashed attempt created.
    const owner = sandbox.aws.clients({ workloadAccountId: '200000000331' });
    const assocs = await listVpcAssociations(owner, { vpcIdentifier: VPC });
    expect(assocs).toHaveLength(1);
    expect(end.steps[1]!.output).toMatchObject({ associationArn: assocs[0]!.arn, status: 'ACTIVE' });
    const share = await listSharePrincipals(sandbox.aws.clients('network'), {
      resourceShareArn: (
        await db.estateSettings.findUniqueOrThrow({
          where: { id: 1 },
          select: { resourceShare: { select: { arn: true } } },
        })
      ).resourceShare!.arn,
    });
    expect(share.filter((p) => p.entity === '200000000331')).toHaveLength(1);
    expect(idsBefore.length).toBeGreaterThan(0);
  }, 120_000);
});
