/**
 * The S3 and CloudWatch Logs sources through the real SDK clients against the sandbox, with pagination: every
 * record stored once, and reading again (from the checkpoint, or from scratch) changes nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessLogHandler } from '@/lib/usage/create-access-log-handler';
import { runIngestion } from '@/lib/usage/run-ingestion';
import { createCloudWatchLogSource } from '@/lib/usage/sources/create-cloudwatch-log-source';
import { createS3LogSource } from '@/lib/usage/sources/create-s3-log-source';
import { fastConfig, startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';
import { fixtureLogsDir, seedFixtureTeams } from './usage-test-world';

let t: TTestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const handler = () => createAccessLogHandler({ retentionDays: 100_000 });

describe.each(testDatabaseKinds)('usage sources against the sandbox ($name)', (kind) => {
  const getDb = useFreshDatabase(kind);

  it('S3: lists page by page, streams .gz objects, skips the redelivered copy, and re-reads nothing', async () => {
    const db = getDb();
    await seedFixtureTeams(db);
    const s3 = new S3Client({ ...fastConfig(t.sandbox.url), forcePathStyle: true });
    const bucket = `usage-logs-${kind.name}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const f of readdirSync(fixtureLogsDir).sort()) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `lattice/AWSLogs/111122223333/${f}`,
          Body: readFileSync(path.join(fixtureLogsDir, f)),
        }),
      );
    }
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'lattice/AWSLogs/README.txt.md', Body: 'not a log' }),
    );
    const source = createS3LogSource(s3, { bucket, prefix: 'lattice/' }, { pageSize: 1 });
    const first = await runIngestion({ db, source, handler: handler(), trigger: 'schedule' });
    expect(first).toMatchObject({ status: 'SUCCEEDED', objectsRead: 3, stored: 300, malformed: 0 });
    // The redelivered object's records were all already stored.
    expect(first.duplicates).toBe(150);

    const again = await runIngestion({ db, source, handler: handler(), trigger: 'schedule' });
    expect(again).toMatchObject({ objectsRead: 0, stored: 0 });
    await db.ingestionSource.updateMany({ data: { checkpoint: null } });
    const fromScratch = await runIngestion({ db, source, handler: handler(), trigger: 'manual' });
    expect(fromScratch).toMatchObject({ objectsRead: 0, objectsSkipped: 3, stored: 0 });
    expect(await db.usageEvent.count()).toBe(300);
  });

  it('CloudWatch Logs: pages FilterLogEvents from the cursor; a re-read stores nothing', async () => {
    const db = getDb();
    await seedFixtureTeams(db);
    const logs = new CloudWatchLogsClient(fastConfig(t.sandbox.url));
    const logGroupName = `/aws/vpclattice/usage-${kind.name}`;
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 'svc' }));
    const now = t.clock.now() - 30_000;
    const line = (i: number) =>
      JSON.stringify({
        startTime: new Date(now).toISOString().slice(0, 19) + 'Z',
        responseCode: 200,
        callerPrincipal: 'arn:aws:sts::200000000331:assumed-role/payments-prod-invoker/s',
        authDeniedReason: '-',
        requestPath: '/model/invoke?modelid=amazon.nova-lite-v1%3A0',
        bytesReceived: 10 + i,
        bytesSent: 100,
        duration: 50,
      });
    // Two identical events are two real requests: both count.
    const messages = [line(0), line(1), line(1), line(2), 'not json'];
    await logs.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName: 'svc',
        logEvents: messages.map((message, i) => ({ timestamp: now + i, message })),
      }),
    );
    const source = createCloudWatchLogSource(
      logs,
      { logGroupName },
      { pageSize: 2, startTime: now - 60_000 },
    );
    const first = await runIngestion({ db, source, handler: handler(), trigger: 'schedule' });
    expect(first).toMatchObject({ status: 'SUCCEEDED', recordsRead: 5, stored: 4, malformed: 1 });
    const again = await runIngestion({ db, source, handler: handler(), trigger: 'schedule' });
    expect(again.stored).toBe(0);
    await db.ingestionSource.updateMany({ data: { checkpoint: null } });
    const fromScratch = await runIngestion({ db, source, handler: handler(), trigger: 'manual' });
    expect(fromScratch).toMatchObject({ stored: 0, duplicates: 4, malformed: 1 });
    expect(await db.usageEvent.count()).toBe(4);
  });
});
