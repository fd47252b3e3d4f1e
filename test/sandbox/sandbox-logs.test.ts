import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  paginateDescribeLogGroups,
  paginateFilterLogEvents,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, fastConfig, startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';

/** CloudWatch Logs through the real SDK client: what the usage ingestion reads a log-group destination with. */
let t: TTestSandbox;
const logs = () => new CloudWatchLogsClient(fastConfig(t.sandbox.url));
let t0: number;

beforeAll(async () => {
  t = await startTestSandbox();
  t0 = t.clock.now() - 60_000;
});
afterAll(async () => {
  await t.stop();
});

async function allEvents(input: ConstructorParameters<typeof FilterLogEventsCommand>[0], limit = 3) {
  const out: { logStreamName?: string; timestamp?: number; message?: string; eventId?: string }[] = [];
  let pages = 0;
  for await (const page of paginateFilterLogEvents({ client: logs() }, { ...input, limit })) {
    pages += 1;
    out.push(...(page.events ?? []));
  }
  return { events: out, pages };
}

describe('sandbox CloudWatch Logs', () => {
  it('creates groups and streams once each', async () => {
    await logs().send(new CreateLogGroupCommand({ logGroupName: '/aws/vpclattice/test' }));
    const dup = await errorOf(
      logs().send(new CreateLogGroupCommand({ logGroupName: '/aws/vpclattice/test' })),
    );
    expect(dup.name).toBe('ResourceAlreadyExistsException');
    await logs().send(
      new CreateLogStreamCommand({ logGroupName: '/aws/vpclattice/test', logStreamName: 'a' }),
    );
    await logs().send(
      new CreateLogStreamCommand({ logGroupName: '/aws/vpclattice/test', logStreamName: 'b' }),
    );
    const missing = await errorOf(
      logs().send(new CreateLogStreamCommand({ logGroupName: '/no/such/group', logStreamName: 'a' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(400);
  });

  it('appends events and filters them by time, interleaving streams, across pages', async () => {
    const client = logs();
    await client.send(
      new PutLogEventsCommand({
        logGroupName: '/aws/vpclattice/test',
        logStreamName: 'a',
        logEvents: [0, 2, 4, 6].map((i) => ({
          timestamp: t0 + i * 1000,
          message: `a${i} status=${i % 4 === 0 ? 403 : 200}`,
        })),
      }),
    );
    await client.send(
      new PutLogEventsCommand({
        logGroupName: '/aws/vpclattice/test',
        logStreamName: 'b',
        logEvents: [1, 3, 5, 7].map((i) => ({ timestamp: t0 + i * 1000, message: `b${i} status=200` })),
      }),
    );
    const { events, pages } = await allEvents({ logGroupName: '/aws/vpclattice/test' });
    expect(events.map((e) => e.message!.split(' ')[0])).toEqual([
      'a0',
      'b1',
      'a2',
      'b3',
      'a4',
      'b5',
      'a6',
      'b7',
    ]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(8);

    const window = await allEvents({
      logGroupName: '/aws/vpclattice/test',
      startTime: t0 + 2000,
      endTime: t0 + 5000,
    });
    expect(window.events.map((e) => e.timestamp! - t0)).toEqual([2000, 3000, 4000, 5000]);
    const onlyB = await allEvents({ logGroupIdentifier: '/aws/vpclattice/test', logStreamNames: ['b'] });
    expect(onlyB.events).toHaveLength(4);
    const denied = await allEvents({ logGroupName: '/aws/vpclattice/test', filterPattern: '"status=403"' });
    expect(denied.events.map((e) => e.message)).toEqual(['a0 status=403', 'a4 status=403']);
  });

  it('keeps a page token stable while events keep arriving', async () => {
    const client = logs();
    const first = await client.send(
      new FilterLogEventsCommand({ logGroupName: '/aws/vpclattice/test', limit: 2 }),
    );
    await client.send(
      new PutLogEventsCommand({
        logGroupName: '/aws/vpclattice/test',
        logStreamName: 'a',
        logEvents: [{ timestamp: t0 + 9000, message: 'a9 late' }],
      }),
    );
    const rest = await allEvents({ logGroupName: '/aws/vpclattice/test', nextToken: first.nextToken }, 100);
    expect(first.events?.map((e) => e.message!.split(' ')[0])).toEqual(['a0', 'b1']);
    expect(rest.events.map((e) => e.message!.split(' ')[0])).toEqual([
      'a2',
      'b3',
      'a4',
      'b5',
      'a6',
      'b7',
      'a9',
    ]);
  });

  it('refuses an out-of-order batch and an unknown stream', async () => {
    const disorder = await errorOf(
      logs().send(
        new PutLogEventsCommand({
          logGroupName: '/aws/vpclattice/test',
          logStreamName: 'a',
          logEvents: [
            { timestamp: t0 + 5, message: 'later' },
            { timestamp: t0, message: 'earlier' },
          ],
        }),
      ),
    );
    expect(disorder.name).toBe('InvalidParameterException');
    const noStream = await errorOf(
      logs().send(
        new PutLogEventsCommand({
          logGroupName: '/aws/vpclattice/test',
          logStreamName: 'zzz',
          logEvents: [{ timestamp: t0, message: 'x' }],
        }),
      ),
    );
    expect(noStream.name).toBe('ResourceNotFoundException');
  });

  it('describes groups and streams with pagination and ordering', async () => {
    for (const n of ['/app/one', '/app/two', '/app/three'])
      await logs().send(new CreateLogGroupCommand({ logGroupName: n }));
    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups(
      { client: logs() },
      { logGroupNamePrefix: '/app/', limit: 2 },
    )) {
      names.push(...(page.logGroups ?? []).map((g) => g.logGroupName!));
    }
    expect(names).toEqual(['/app/one', '/app/three', '/app/two']);
    const all = await logs().send(new DescribeLogGroupsCommand({}));
    const group = all.logGroups?.find((g) => g.logGroupName === '/aws/vpclattice/test');
    expect(group?.arn).toMatch(/^arn:aws:logs:us-east-1:\d{12}:log-group:\/aws\/vpclattice\/test:\*$/);
    expect(group?.storedBytes).toBeGreaterThan(0);

    const streams = await logs().send(
      new DescribeLogStreamsCommand({
        logGroupName: '/aws/vpclattice/test',
        orderBy: 'LastEventTime',
        descending: true,
      }),
    );
    expect(streams.logStreams?.map((s) => s.logStreamName)).toEqual(['a', 'b']);
    expect(streams.logStreams?.[1]?.lastEventTimestamp).toBe(t0 + 7000);
    const bad = await errorOf(
      logs().send(
        new DescribeLogStreamsCommand({
          logGroupName: '/aws/vpclattice/test',
          orderBy: 'LastEventTime',
          logStreamNamePrefix: 'a',
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('keeps groups, streams and events across a restart', async () => {
    await t.restart();
    const { events } = await allEvents({ logGroupName: '/aws/vpclattice/test' }, 100);
    expect(events).toHaveLength(9);
    const streams = await logs().send(
      new DescribeLogStreamsCommand({ logGroupName: '/aws/vpclattice/test' }),
    );
    expect(streams.logStreams?.map((s) => s.logStreamName)).toEqual(['a', 'b']);
  });
});
