import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, paginateListObjectsV2, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCESS_LOG_BUCKET, DEMO_INVOCATION_LOG_BUCKET } from '@/lib/demo/world';
import type { TTrafficProfile } from '@/sandbox';
import { fastConfig, startTestSandbox, waitUntil, type TTestSandbox } from '../aws/sandbox-helpers';
import { GRANTED_MODEL, GRANTED_ROLE, OTHER_MODEL, PAYMENTS_VPC, setUpGrantedEstate } from './granted-estate';

/**
 * The traffic generator as a start option: a seeded backfill written through the data plane's logic, with each
 * record at its own time, and a live trickle of real signed calls.
 */
const DELAY = 2000;
const DAY = 86_400_000;
const PROFILE: TTrafficProfile = {
  requestsPerWeekday: 120,
  teams: [
    {
      slug: 'payments',
      principals: [{ roleArn: GRANTED_ROLE, vpcId: PAYMENTS_VPC.vpcId }],
      models: [
        { modelId: GRANTED_MODEL, weight: 3 },
        { modelId: OTHER_MODEL, weight: 1 },
      ],
    },
  ],
};

let t: TTestSandbox;

interface TTrafficFile {
  through?: number;
  backfills: {
    calls: number;
    allowed: number;
    denied: number;
    unreachable: number;
    elapsedMs: number;
    from: number;
    to: number;
  }[];
}
const trafficFile = (): TTrafficFile | undefined => {
  const file = path.join(t.stateDir, 'traffic.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TTrafficFile) : undefined;
};

async function records(bucket: string): Promise<Record<string, unknown>[]> {
  const s3 = new S3Client({ ...fastConfig(t.sandbox.url), forcePathStyle: true });
  const out: Record<string, unknown>[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: 'AWSLogs/' })) {
    for (const c of page.Contents ?? []) {
      const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: c.Key! }));
      const text = gunzipSync(Buffer.from(await obj.Body!.transformToByteArray())).toString('utf8');
      for (const line of text.split('\n')) if (line) out.push(JSON.parse(line) as Record<string, unknown>);
    }
  }
  return out;
}

beforeAll(async () => {
  t = await startTestSandbox({ associationDelayMs: DELAY });
  await setUpGrantedEstate(t, DELAY);
});
afterAll(async () => t.stop());

describe('traffic generator', () => {
  it('backfills 14 days once the service is reachable, each record at its own time, fast', async () => {
    await t.restart({
      data: { traffic: { profile: PROFILE, seed: 11, backfillDays: 14, intervalMs: 600_000 } },
    });
    const state = await waitUntil(
      async () => trafficFile(),
      (s) => (s?.backfills.length ?? 0) > 0,
      20_000,
    );
    const run = state!.backfills[0]!;
    expect(Math.abs(run.to - run.from - 14 * DAY)).toBeLessThanOrEqual(5 * 60_000); // aligned to delivery windows
    expect(run.calls).toBeGreaterThan(900);
    expect(run.unreachable).toBe(0);
    expect(run.allowed + run.denied).toBe(run.calls);
    // ~1,300 calls, each through authorization, the proxy and delivery: seconds, not minutes.
    expect(run.elapsedMs).toBeLessThan(10_000);

    t.clock.advance(6 * 60_000);
    const access = await records(DEMO_ACCESS_LOG_BUCKET);
    expect(access).toHaveLength(run.calls);
    const times = access.map((r) => Date.parse(r.startTime as string));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(12 * DAY);
    expect(access.filter((r) => r.responseCode === 403)).toHaveLength(run.denied);
    // Only the granted model passes the live policy.
    expect(
      new Set(
        access.filter((r) => r.responseCode === 200).map((r) => String(r.requestPath).split('modelid=')[1]),
      ),
    ).toEqual(new Set([encodeURIComponent(GRANTED_MODEL)]));
    const invocations = await records(DEMO_INVOCATION_LOG_BUCKET);
    expect(invocations).toHaveLength(run.allowed);
  });

  it('does not repeat the backfill after a restart', async () => {
    const before = trafficFile()!;
    await t.restart({
      data: { traffic: { profile: PROFILE, seed: 11, backfillDays: 14, intervalMs: 600_000 } },
    });
    await waitUntil(
      async () => trafficFile(),
      (s) => (s?.through ?? 0) > before.through!,
      5000,
    );
    const after = trafficFile()!;
    const repeated = after.backfills.slice(before.backfills.length).reduce((n, b) => n + b.calls, 0);
    expect(repeated).toBeLessThan(20); // only the minutes since the last run
  });

  it('rewrites the same objects when the backfill is run again (traffic --days N), adding none', async () => {
    const keys = async () => {
      // A client per call: the restart below moves the sandbox to another port.
      const s3 = new S3Client({ ...fastConfig(t.sandbox.url), forcePathStyle: true });
      const out: string[] = [];
      for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: DEMO_ACCESS_LOG_BUCKET })) {
        out.push(...(page.Contents ?? []).map((c) => c.Key!));
      }
      return out;
    };
    const windowOf = (key: string) => {
      const m = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_/.exec(key)!;
      return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
    };
    const before = await keys();
    const state = trafficFile()!;
    await t.restart({
      data: {
        traffic: {
          profile: PROFILE,
          seed: 11,
          backfillDays: 14,
          backfillOnStart: 'always',
          intervalMs: 600_000,
        },
      },
    });
    await waitUntil(
      async () => trafficFile()!.backfills.length,
      (n) => n > state.backfills.length,
      20_000,
    );
    expect(trafficFile()!.backfills.at(-1)!.calls).toBeGreaterThan(900);
    t.clock.advance(6 * 60_000);
    const after = await keys();
    expect(after).toEqual(expect.arrayContaining(before));
    // Only windows the clock reached since the last run are new; every earlier window is the same object.
    const added = after.filter((k) => !before.includes(k));
    for (const k of added) expect(windowOf(k)).toBeGreaterThanOrEqual(state.through! - 5 * 60_000);
  });

  it('trickles real signed calls through the data plane as the sandbox clock passes them', async () => {
    const flat: TTrafficProfile = { ...PROFILE, shape: 'flat', requestsPerWeekday: 24 * 60 * 20 };
    await t.restart({ data: { traffic: { profile: flat, seed: 12, trickle: true, intervalMs: 20 } } });
    await waitUntil(
      async () => trafficFile()?.through ?? 0,
      (through) => through >= t.clock.now() - 1000,
      5000,
    );
    // (Counters start at zero with each sandbox start.)
    t.clock.advance(60_000); // ~20 planned calls in that minute
    const calls = await waitUntil(
      async () => t.calls('vpc-lattice-svcs', 'Invoke'),
      (c) => c.total >= 5,
      10_000,
    );
    expect(calls.ok).toBeGreaterThan(0);
    expect(t.calls('sts', 'AssumeRole').ok).toBeGreaterThan(0);
  });
});
