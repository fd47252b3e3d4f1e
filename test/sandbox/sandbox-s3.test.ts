import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAMS } from '@/lib/demo/world';
import {
  errorOf,
  fastConfig,
  startTestSandbox,
  workloadRole,
  type TTestSandbox,
} from '../aws/sandbox-helpers';

/** S3 through the real SDK client: what the usage ingestion reads access and invocation logs with. */
let t: TTestSandbox;
const s3 = (config = fastConfig(t.sandbox.url)) => new S3Client({ ...config, forcePathStyle: true });

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

describe('sandbox S3', () => {
  it('creates a bucket once; a second create is BucketAlreadyOwnedByYou', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 'logs-a' }));
    const again = await errorOf(s3().send(new CreateBucketCommand({ Bucket: 'logs-a' })));
    expect(again.name).toBe('BucketAlreadyOwnedByYou');
    expect(again.$metadata.httpStatusCode).toBe(409);
    const bad = await errorOf(s3().send(new CreateBucketCommand({ Bucket: 'Not_Valid' })));
    expect(bad.name).toBe('InvalidBucketName');
    const { Buckets } = await s3().send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name)).toContain('logs-a');
  });

  it('puts and gets objects, whole, by range and streamed (aws-chunked), with metadata', async () => {
    const client = s3();
    const put = await client.send(
      new PutObjectCommand({
        Bucket: 'logs-a',
        Key: 'dir/hello world.txt',
        Body: 'hello, sandbox',
        ContentType: 'text/plain',
        Metadata: { team: 'payments' },
      }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await client.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'dir/hello world.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello, sandbox');
    expect(got.ContentType).toBe('text/plain');
    expect(got.ContentLength).toBe(14);
    expect(got.ETag).toBe(put.ETag);
    expect(got.Metadata).toEqual({ team: 'payments' });
    expect(got.LastModified).toBeInstanceOf(Date);

    const part = await client.send(
      new GetObjectCommand({ Bucket: 'logs-a', Key: 'dir/hello world.txt', Range: 'bytes=7-' }),
    );
    expect(await part.Body!.transformToString()).toBe('sandbox');
    expect(part.ContentRange).toBe('bytes 7-13/14');
    expect(part.$metadata.httpStatusCode).toBe(206);
    const past = await errorOf(
      client.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'dir/hello world.txt', Range: 'bytes=99-' })),
    );
    expect(past.name).toBe('InvalidRange');
    expect(past.$metadata.httpStatusCode).toBe(416);

    await client.send(
      new PutObjectCommand({
        Bucket: 'logs-a',
        Key: 'dir/streamed.bin',
        Body: Readable.from([Buffer.from('abc'), Buffer.from('def')]),
        ContentLength: 6,
      }),
    );
    const streamed = await client.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'dir/streamed.bin' }));
    expect(await streamed.Body!.transformToString()).toBe('abcdef');
    const head = await client.send(new HeadObjectCommand({ Bucket: 'logs-a', Key: 'dir/streamed.bin' }));
    expect(head.ContentLength).toBe(6);
  });

  it('lists with prefix, delimiter, start-after and continuation tokens, in key order', async () => {
    const client = s3();
    await client.send(new CreateBucketCommand({ Bucket: 'logs-list' }));
    const keys = Array.from(
      { length: 25 },
      (_, i) => `AWSLogs/1/day=${String(i % 5).padStart(2, '0')}/obj-${String(i).padStart(3, '0')}.gz`,
    );
    for (const Key of keys) await client.send(new PutObjectCommand({ Bucket: 'logs-list', Key, Body: Key }));
    await client.send(new PutObjectCommand({ Bucket: 'logs-list', Key: 'top.txt', Body: 'x' }));

    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: 'logs-list', Prefix: 'AWSLogs/', MaxKeys: 10 },
    )) {
      pages += 1;
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...keys].sort());

    const rolled = await client.send(
      new ListObjectsV2Command({ Bucket: 'logs-list', Prefix: 'AWSLogs/1/', Delimiter: '/' }),
    );
    expect(rolled.CommonPrefixes?.map((p) => p.Prefix)).toEqual(
      [0, 1, 2, 3, 4].map((d) => `AWSLogs/1/day=0${d}/`),
    );
    expect(rolled.Contents ?? []).toEqual([]);
    const top = await client.send(new ListObjectsV2Command({ Bucket: 'logs-list', Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['AWSLogs/']);
    expect(top.Contents?.map((c) => c.Key)).toEqual(['top.txt']);

    const after = await client.send(
      new ListObjectsV2Command({ Bucket: 'logs-list', StartAfter: 'AWSLogs/1/day=04/obj-019.gz' }),
    );
    expect(after.Contents?.map((c) => c.Key)).toEqual(['AWSLogs/1/day=04/obj-024.gz', 'top.txt']);
    expect(after.Contents?.[0]?.Size).toBe('AWSLogs/1/day=04/obj-024.gz'.length);
    expect(after.Contents?.[0]?.StorageClass).toBe('STANDARD');
  });

  it("answers NoSuchKey, NoSuchBucket and AccessDenied in S3's shape", async () => {
    const client = s3();
    const missingKey = await errorOf(client.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'nope' })));
    expect(missingKey.name).toBe('NoSuchKey');
    expect(missingKey.$metadata.httpStatusCode).toBe(404);
    expect(missingKey.$metadata.requestId).toBeTruthy();
    const missingBucket = await errorOf(client.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })));
    expect(missingBucket.name).toBe('NoSuchBucket');
    const head = await errorOf(client.send(new HeadObjectCommand({ Bucket: 'logs-a', Key: 'nope' })));
    expect(head.$metadata.httpStatusCode).toBe(404);

    // A workload account is neither the owner nor a reader of the portal's bucket.
    const outsider = s3(await t.configAs(workloadRole(DEMO_TEAMS[0]!.accountId)));
    const denied = await errorOf(outsider.send(new ListObjectsV2Command({ Bucket: 'logs-a' })));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    const write = await errorOf(
      outsider.send(new PutObjectCommand({ Bucket: 'logs-a', Key: 'x', Body: 'x' })),
    );
    expect(write.name).toBe('AccessDenied');
  });

  it('deletes objects (idempotently) and keeps every object across a restart', async () => {
    const client = s3();
    await client.send(new PutObjectCommand({ Bucket: 'logs-a', Key: 'gone.txt', Body: 'bye' }));
    const del = await client.send(new DeleteObjectCommand({ Bucket: 'logs-a', Key: 'gone.txt' }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    await client.send(new DeleteObjectCommand({ Bucket: 'logs-a', Key: 'gone.txt' }));
    expect(
      (await errorOf(client.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'gone.txt' })))).name,
    ).toBe('NoSuchKey');

    await t.restart();
    const after = s3();
    const got = await after.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'dir/hello world.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello, sandbox');
    const listed = await after.send(new ListObjectsV2Command({ Bucket: 'logs-list', Prefix: 'AWSLogs/' }));
    expect(listed.KeyCount).toBe(25);
    expect(
      (await errorOf(after.send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'gone.txt' })))).name,
    ).toBe('NoSuchKey');
  });

  it('counts the calls it served per operation', async () => {
    t.resetCalls();
    await s3().send(new ListObjectsV2Command({ Bucket: 'logs-a' }));
    await errorOf(s3().send(new GetObjectCommand({ Bucket: 'logs-a', Key: 'nope' })));
    expect(t.calls('s3', 'ListObjectsV2').ok).toBe(1);
    expect(t.calls('s3', 'GetObject').outcomes).toMatchObject({ NoSuchKey: 1 });
  });
});
