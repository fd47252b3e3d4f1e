import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateResourceShareCommand, GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import {
  CreateServiceNetworkCommand,
  ListServiceNetworksCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppendLogStore, BlobStore, DocumentStore } from '@/sandbox';
import { fastConfig, GENAI_ROLE, startTestSandbox, type TTestSandbox } from './sandbox-helpers';

/**
 * Per-service stores: a write touches only its own service's file (never a whole-state document), a refused call
 * leaves nothing behind, the old single state file is migrated, and the primitives other services build on keep
 * their data across reopenings.
 */
let t: TTestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => t.stop());

describe('sandbox: per-service stores', () => {
  it('writes only the store of the service that changed', async () => {
    await t.configAs(GENAI_ROLE); // an STS session, so sts.json exists
    const lattice = new VPCLatticeClient(fastConfig(t.sandbox.url));
    await lattice.send(new CreateServiceNetworkCommand({ name: 'store-sn' }));
    await new RAMClient(fastConfig(t.sandbox.url)).send(
      new GetResourceSharesCommand({ resourceOwner: 'SELF' }),
    );
    const latticeFile = path.join(t.stateDir, 'lattice.json');
    const before = statSync(latticeFile).mtimeMs;
    const stsBefore = readFileSync(path.join(t.stateDir, 'sts.json'), 'utf8');
    await new RAMClient(fastConfig(t.sandbox.url)).send(
      new CreateResourceShareCommand({ name: 'store-share' }),
    );
    expect(statSync(latticeFile).mtimeMs).toBe(before);
    expect(readFileSync(path.join(t.stateDir, 'sts.json'), 'utf8')).toBe(stsBefore);
    expect(JSON.parse(readFileSync(path.join(t.stateDir, 'ram.json'), 'utf8')).resourceShares).toHaveLength(
      1,
    );
    expect(JSON.parse(readFileSync(latticeFile, 'utf8')).resourceShares).toBeUndefined();
  });

  it('migrates the single state file of earlier versions into the per-service files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bap-legacy-'));
    const now = Date.now();
    writeFileSync(
      path.join(dir, 'sandbox-state.json'),
      JSON.stringify({
        version: 1,
        serviceNetworks: [
          {
            id: 'sn-0aaaaaaaaaaaaaaaa',
            arn: 'arn:aws:vpc-lattice:us-east-1:100000000001:servicenetwork/sn-0aaaaaaaaaaaaaaaa',
            name: 'legacy-sn',
            accountId: '100000000001',
            authType: 'AWS_IAM',
            sharingEnabled: true,
            createdAt: now,
            lastUpdatedAt: now,
          },
        ],
        resourceShares: [],
        sessions: [],
        idempotency: {},
      }),
    );
    const s = await startTestSandbox({ stateDir: dir });
    try {
      const out = await new VPCLatticeClient(fastConfig(s.sandbox.url)).send(
        new ListServiceNetworksCommand({}),
      );
      expect(out.items!.map((i) => i.name)).toEqual(['legacy-sn']);
      expect(statSync(path.join(dir, 'sandbox-state.json.migrated')).isFile()).toBe(true);
      expect(JSON.parse(readFileSync(path.join(dir, 'lattice.json'), 'utf8')).serviceNetworks).toHaveLength(
        1,
      );
    } finally {
      await s.stop();
    }
  });
});

describe('sandbox: store primitives', () => {
  it('DocumentStore saves atomically and rolls back to the last save', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bap-doc-'));
    const store = new DocumentStore(dir, 'svc', () => ({ items: [] as string[] }));
    store.state.items.push('a');
    store.save();
    store.state.items.push('b');
    store.rollback();
    expect(store.state.items).toEqual(['a']);
    expect(new DocumentStore(dir, 'svc', () => ({ items: [] as string[] })).state.items).toEqual(['a']);
  });

  it('BlobStore keeps blobs as files, with ranges, listing and deletion, across reopenings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bap-blob-'));
    const blobs = new BlobStore(dir);
    blobs.put('logs/2026/a.gz', Buffer.from('hello world'), { now: 1, contentType: 'application/gzip' });
    blobs.put('logs/2026/b.gz', Buffer.from('second'), { now: 2 });
    blobs.put('other/../../escape', Buffer.from('x'), { now: 3 });
    const again = new BlobStore(dir);
    expect(again.keys('logs/')).toEqual(['logs/2026/a.gz', 'logs/2026/b.gz']);
    expect(again.get('logs/2026/a.gz', { start: 6, end: 10 })!.data.toString()).toBe('world');
    expect(again.head('logs/2026/a.gz')).toMatchObject({ size: 11, contentType: 'application/gzip' });
    expect(again.get('other/../../escape')!.data.toString()).toBe('x');
    expect(again.delete('logs/2026/b.gz')).toBe(true);
    expect(again.keys()).toEqual(['logs/2026/a.gz', 'other/../../escape']);
  });

  it('AppendLogStore appends without rewriting and reads streams back after reopening', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bap-log-'));
    const log = new AppendLogStore<{ t: number; m: string }>(dir);
    log.append('group/stream-1', [{ t: 1, m: 'a' }]);
    const size = statSync(path.join(dir, `${encodeURIComponent('group/stream-1')}.jsonl`)).size;
    log.append('group/stream-1', [{ t: 2, m: 'b' }]);
    log.append('group/stream-2', [{ t: 3, m: 'c' }]);
    const file = readFileSync(path.join(dir, `${encodeURIComponent('group/stream-1')}.jsonl`), 'utf8');
    expect(file.startsWith(file.slice(0, size))).toBe(true);
    const again = new AppendLogStore<{ t: number; m: string }>(dir);
    expect(again.read('group/stream-1').map((e) => e.m)).toEqual(['a', 'b']);
    expect(again.streams()).toEqual(['group/stream-1', 'group/stream-2']);
  });
});
