import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BucketStore } from './bucket-store';

let dir: string;
const attrs = { lastModified: 1, contentType: 'application/x-gzip', metadata: {} };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bap-buckets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('BucketStore', () => {
  it('keeps objects, deletes and the key order across a reopen (journal replay)', async () => {
    const a = new BucketStore(dir);
    a.createBucket({ name: 'b', ownerAccountId: '111122223333', region: 'us-east-1', createdAt: 1 });
    a.put('b', 'z', Buffer.from('1'), attrs);
    a.put('b', 'a/x', Buffer.from('2'), attrs);
    a.put('b', 'z', Buffer.from('3'), attrs);
    a.delete('b', 'a/x', 2);
    await a.close();
    const b = new BucketStore(dir);
    expect(b.sortedKeys('b')).toEqual(['z']);
    expect(b.read('b', 'z')?.body.toString()).toBe('3');
    expect(b.head('b', 'z')?.etag).toBe('"eccbc87e4b5ce2fe28308fd9f2a7baf3"');
    await b.close();
  });

  it('lists and serves a deferred object at once, and commits it once written', async () => {
    const a = new BucketStore(dir);
    a.createBucket({ name: 'b', ownerAccountId: '111122223333', region: 'us-east-1', createdAt: 1 });
    a.putDeferred('b', 'k1', Buffer.from('one'), attrs);
    a.putDeferred('b', 'k2', Buffer.from('two'), attrs);
    expect(a.sortedKeys('b')).toEqual(['k1', 'k2']);
    expect(a.read('b', 'k1')?.body.toString()).toBe('one');
    a.delete('b', 'k2', 2); // while its write may still be in flight
    await a.close();
    const b = new BucketStore(dir);
    expect(b.sortedKeys('b')).toEqual(['k1']);
    expect(b.read('b', 'k1')?.body.toString()).toBe('one');
    await b.close();
  });
});
