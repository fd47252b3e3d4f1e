/**
 * `npm run bench:workflow`: approval → ACTIVE and queue pickup latency of the provisioning workflow, p50/p95 over 50
 * requests, on the sandbox (association delay 0) with the embedded database and one in-process worker, exactly as
 * the portal runs it. A benchmark, not a test: it prints figures beside the targets and exits 0.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@/lib/db/open-database';
import { systemClock } from '@/lib/provisioning/ports';
import { startProvisioningWorker } from '@/lib/provisioning/start-provisioning-worker';
import { startTestSandbox } from '../test/aws/sandbox-helpers';
import { approveRequest, HAIKU, NOVA, quietLog, setUpWorld } from '../test/provisioning/provisioning-helpers';

const N = Number(process.env.BENCH_REQUESTS ?? 50);
const TARGET_ACTIVE_MS = 3_000;
const TARGET_PICKUP_MS = 500;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const sandbox = await startTestSandbox({ associationDelayMs: 0 });
  const opened = await openDatabase({ memory: true });
  const db = opened.db;
  await setUpWorld(db, sandbox.aws);
  for (let i = 0; i < N; i++) {
    await db.principal.create({
      data: {
        arn: `arn:aws:iam::200000000331:role/bench-${i}`,
        accountId: '200000000331',
        name: `bench-${i}`,
      },
    });
  }
  const worker = startProvisioningWorker(
    { db, aws: sandbox.aws, clock: systemClock, log: quietLog },
    { expiryEveryMs: 0 },
  );
  const active: number[] = [];
  const pickup: number[] = [];
  try {
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const { requestId, runId } = await approveRequest(db, {
        principals: [`arn:aws:iam::200000000331:role/bench-${i}`],
        models: i % 2 ? [NOVA] : [HAIKU],
        vpcId: i % 10 === 0 ? 'vpc-6269e0d37f2a74de4' : undefined,
        securityGroupIds: i % 10 === 0 ? ['sg-0a1b2c3d4e5f60001'] : undefined,
      });
      for (;;) {
        const r = await db.accessRequest.findUniqueOrThrow({
          where: { id: requestId },
          select: { status: true },
        });
        if (r.status === 'ACTIVE') break;
        if (r.status === 'FAILED') throw new Error(`request ${requestId} failed`);
        await new Promise((res) => setTimeout(res, 5));
      }
      active.push(performance.now() - t0);
      const run = await db.provisioningRun.findUniqueOrThrow({
        where: { id: runId },
        select: { createdAt: true, startedAt: true },
      });
      pickup.push(run.startedAt!.getTime() - run.createdAt.getTime());
    }
  } finally {
    await worker.stop();
    await opened.close();
    await sandbox.stop();
  }
  const row = (name: string, xs: number[], target: number) => {
    const p50 = pct(xs, 50);
    const p95 = pct(xs, 95);
    return `${name.padEnd(22)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms   target < ${target} ms   ${p95 < target ? 'OK' : 'OVER'}`;
  };
  process.stdout.write(
    [
      `provisioning workflow, ${N} requests, sandbox association delay 0, embedded database, one worker`,
      row('approval → ACTIVE', active, TARGET_ACTIVE_MS),
      row('queue pickup', pickup, TARGET_PICKUP_MS),
      '',
    ].join('\n'),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
