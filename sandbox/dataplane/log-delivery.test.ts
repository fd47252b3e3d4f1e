import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogStore } from '../services/logs/log-store';
import { BucketStore } from '../services/s3/bucket-store';
import { LogDelivery, parseDestinationArn, type TDeliveryStream } from './log-delivery';

let dir: string;
let s3: BucketStore;
let logs: LogStore;
const T = Date.UTC(2026, 10, 3, 10, 2, 30);
const access = (destinationArn: string): TDeliveryStream => ({
  kind: 'access',
  accountId: '111122223333',
  region: 'us-east-1',
  resourceId: 'svc-0123456789abcdef0',
  destination: parseDestinationArn(destinationArn)!,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bap-delivery-'));
  s3 = new BucketStore(path.join(dir, 's3'));
  logs = new LogStore(path.join(dir, 'logs'));
});
afterEach(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parseDestinationArn', () => {
  it('reads bucket (with prefix) and log-group destinations, and nothing else', () => {
    expect(parseDestinationArn('arn:aws:s3:::b')).toEqual({ kind: 's3', bucket: 'b', prefix: '' });
    expect(parseDestinationArn('arn:aws:s3:::b/lattice/')).toEqual({
      kind: 's3',
      bucket: 'b',
      prefix: 'lattice/',
    });
    expect(parseDestinationArn('arn:aws:logs:us-east-1:111122223333:log-group:/a/b:*')).toEqual({
      kind: 'logs',
      region: 'us-east-1',
      accountId: '111122223333',
      logGroupName: '/a/b',
    });
    expect(parseDestinationArn('arn:aws:firehose:us-east-1:111122223333:deliverystream/x')).toBeNull();
  });
});

describe('LogDelivery', () => {
  it('writes one gzipped object per 5-minute window once the clock passes it, under the AWSLogs layout', () => {
    const delivery = new LogDelivery({ s3, logs });
    const stream = access('arn:aws:s3:::access-logs/team');
    delivery.add(stream, T, { n: 1 });
    delivery.add(stream, T + 60_000, { n: 2 });
    delivery.add(stream, T + 5 * 60_000, { n: 3 }); // next window
    delivery.flushDue(T + 60_000);
    expect(s3.getBucket('access-logs')).toBeUndefined();
    delivery.flushDue(Date.UTC(2026, 10, 3, 10, 5));
    const keys = s3.sortedKeys('access-logs');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(
      /^team\/AWSLogs\/111122223333\/VpcLattice\/AccessLogs\/us-east-1\/2026\/11\/03\/10\/111122223333_vpclattice_us-east-1_svc-0123456789abcdef0_20261103T1000Z_[0-9a-f]{8}\.log\.gz$/,
    );
    const lines = gunzipSync(s3.read('access-logs', keys[0]!)!.body).toString().trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { n: number })).toEqual([{ n: 1 }, { n: 2 }]);
    expect(s3.getBucket('access-logs')?.ownerAccountId).toBe('111122223333');
    expect(delivery.pending()).toBe(1);
    delivery.flushAll(T + 10 * 60_000);
    expect(s3.sortedKeys('access-logs')).toHaveLength(2);
  });

  it('rewrites the same key for the same records (a replayed backfill adds no copies)', () => {
    for (let i = 0; i < 2; i += 1) {
      const delivery = new LogDelivery({ s3, logs });
      delivery.add(access('arn:aws:s3:::access-logs'), T, { n: 1 });
      delivery.flushAll(T + 600_000);
    }
    expect(s3.sortedKeys('access-logs')).toHaveLength(1);
  });

  it("skips a bucket another account owns, and delivers to a log group's stream as events", () => {
    s3.createBucket({ name: 'theirs', ownerAccountId: '999988887777', region: 'us-east-1', createdAt: T });
    const delivery = new LogDelivery({ s3, logs });
    delivery.add(access('arn:aws:s3:::theirs'), T, { n: 1 });
    delivery.add(access('arn:aws:logs:us-east-1:111122223333:log-group:/lattice'), T + 1000, { n: 2 });
    delivery.flushAll(T + 600_000);
    expect(s3.sortedKeys('theirs')).toHaveLength(0);
    expect(delivery.stats.skipped).toBe(1);
    const group = logs.getGroup('111122223333', '/lattice')!;
    const streams = [...logs.streams(group).values()];
    expect(streams.map((s) => s.stream.name)).toEqual([
      '111122223333_vpclattice_us-east-1_svc-0123456789abcdef0',
    ]);
    expect(streams[0]!.events.map((e) => [e.timestamp, e.message])).toEqual([[T + 1000, '{"n":2}']]);
  });
});
