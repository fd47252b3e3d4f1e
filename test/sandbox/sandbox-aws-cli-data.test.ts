import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CLI_PATH, awsCli, SANDBOX_CLI_CREDS } from '../aws/aws-cli';
import { startTestSandbox, type TTestSandbox } from '../aws/sandbox-helpers';

/**
 * The AWS CLI (botocore, a client written elsewhere) runs every S3 and CloudWatch Logs operation the sandbox
 * emulates and must parse every answer, pagination and errors included. When the CLI is missing this suite fails
 * rather than skips.
 */
let t: TTestSandbox;
let dir: string;
const cli = awsCli(() => t.sandbox.url);
const aws = (...args: string[]) => cli.aws(SANDBOX_CLI_CREDS, ...args);
const awsError = (...args: string[]) => cli.awsError(SANDBOX_CLI_CREDS, ...args);

beforeAll(async () => {
  t = await startTestSandbox();
  dir = mkdtempSync(path.join(tmpdir(), 'bap-cli-'));
});
afterAll(async () => t?.stop());

describe('the AWS CLI against the sandbox S3 and CloudWatch Logs', () => {
  it('is installed on this machine', () => {
    expect(AWS_CLI_PATH, 'the AWS CLI (`aws`) must be on PATH for this suite').not.toBe('');
  });

  it('runs the S3 operations (s3api) and parses every answer', { timeout: 120_000 }, async () => {
    expect((await aws('s3api', 'create-bucket', '--bucket', 'cli-logs')).Location).toBe('/cli-logs');
    const body = path.join(dir, 'record.json');
    writeFileSync(body, '{"responseCode":200}\n');
    for (const key of ['AWSLogs/1/a.log', 'AWSLogs/1/b.log', 'AWSLogs/2/c.log', 'top level.txt']) {
      const put = await aws('s3api', 'put-object', '--bucket', 'cli-logs', '--key', key, '--body', body);
      expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    }
    // --page-size 1 makes the CLI follow continuation tokens (and it asks for encoding-type=url).
    const all = await aws('s3api', 'list-objects-v2', '--bucket', 'cli-logs', '--page-size', '1');
    expect(all.Contents.map((c: { Key: string }) => c.Key)).toEqual([
      'AWSLogs/1/a.log',
      'AWSLogs/1/b.log',
      'AWSLogs/2/c.log',
      'top level.txt',
    ]);
    const rolled = await aws(
      's3api',
      'list-objects-v2',
      '--bucket',
      'cli-logs',
      '--prefix',
      'AWSLogs/',
      '--delimiter',
      '/',
    );
    expect(rolled.CommonPrefixes).toEqual([{ Prefix: 'AWSLogs/1/' }, { Prefix: 'AWSLogs/2/' }]);
    const after = await aws(
      's3api',
      'list-objects-v2',
      '--bucket',
      'cli-logs',
      '--start-after',
      'AWSLogs/2/c.log',
    );
    expect(after.Contents.map((c: { Key: string }) => c.Key)).toEqual(['top level.txt']);

    const out = path.join(dir, 'part.txt');
    const got = await aws(
      's3api',
      'get-object',
      '--bucket',
      'cli-logs',
      '--key',
      'AWSLogs/1/a.log',
      '--range',
      'bytes=1-14',
      out,
    );
    expect(readFileSync(out, 'utf8')).toBe('"responseCode"');
    expect(got.ContentRange).toBe('bytes 1-14/21');
    const head = await aws('s3api', 'head-object', '--bucket', 'cli-logs', '--key', 'top level.txt');
    expect(head.ContentLength).toBe(21);
    await aws('s3api', 'delete-object', '--bucket', 'cli-logs', '--key', 'top level.txt');
    expect(await awsError('s3api', 'head-object', '--bucket', 'cli-logs', '--key', 'top level.txt')).toMatch(
      /404|Not Found/,
    );
    expect(await awsError('s3api', 'get-object', '--bucket', 'cli-logs', '--key', 'nope', out)).toContain(
      'NoSuchKey',
    );
    expect(await awsError('s3api', 'list-objects-v2', '--bucket', 'no-such-bucket')).toContain(
      'NoSuchBucket',
    );
    expect(await awsError('s3api', 'create-bucket', '--bucket', 'cli-logs')).toContain(
      'BucketAlreadyOwnedByYou',
    );
    const buckets = await aws('s3api', 'list-buckets');
    expect(buckets.Buckets.map((b: { Name: string }) => b.Name)).toContain('cli-logs');
  });

  it('runs the CloudWatch Logs operations and parses every answer', { timeout: 120_000 }, async () => {
    await aws('logs', 'create-log-group', '--log-group-name', '/cli/group');
    await aws('logs', 'create-log-stream', '--log-group-name', '/cli/group', '--log-stream-name', 's1');
    await aws('logs', 'create-log-stream', '--log-group-name', '/cli/group', '--log-stream-name', 's2');
    const t0 = t.clock.now() - 10_000;
    const events = (n: number, offset: number) =>
      JSON.stringify(
        Array.from({ length: n }, (_, i) => ({
          timestamp: t0 + (i * 2 + offset) * 100,
          message: `m${i * 2 + offset}`,
        })),
      );
    await aws(
      'logs',
      'put-log-events',
      '--log-group-name',
      '/cli/group',
      '--log-stream-name',
      's1',
      '--log-events',
      events(3, 0),
    );
    await aws(
      'logs',
      'put-log-events',
      '--log-group-name',
      '/cli/group',
      '--log-stream-name',
      's2',
      '--log-events',
      events(3, 1),
    );
    // --page-size 2 makes the CLI follow nextToken through every page.
    const filtered = await aws(
      'logs',
      'filter-log-events',
      '--log-group-name',
      '/cli/group',
      '--page-size',
      '2',
    );
    expect(filtered.events.map((e: { message: string }) => e.message)).toEqual([
      'm0',
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
    const window = await aws(
      'logs',
      'filter-log-events',
      '--log-group-name',
      '/cli/group',
      '--start-time',
      String(t0 + 100),
      '--end-time',
      String(t0 + 300),
    );
    expect(window.events.map((e: { message: string }) => e.message)).toEqual(['m1', 'm2', 'm3']);
    const groups = await aws('logs', 'describe-log-groups', '--log-group-name-prefix', '/cli/');
    expect(groups.logGroups.map((g: { logGroupName: string }) => g.logGroupName)).toEqual(['/cli/group']);
    const streams = await aws(
      'logs',
      'describe-log-streams',
      '--log-group-name',
      '/cli/group',
      '--page-size',
      '1',
    );
    expect(streams.logStreams.map((s: { logStreamName: string }) => s.logStreamName)).toEqual(['s1', 's2']);
    expect(await awsError('logs', 'filter-log-events', '--log-group-name', '/cli/none')).toContain(
      'ResourceNotFoundException',
    );
    expect(await awsError('logs', 'create-log-group', '--log-group-name', '/cli/group')).toContain(
      'ResourceAlreadyExistsException',
    );
  });
});
