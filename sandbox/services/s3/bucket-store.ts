import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareKeys } from './list-objects';

/**
 * S3 state on disk, one directory per bucket:
 * - `buckets.json`: the bucket list (small; rewritten atomically when a bucket is created or deleted);
 * - `<bucket>/objects/<hh>/<sha256(key)>`: each object's bytes, in its own file (written to a temp file, then
 *   renamed, so a reader never sees half an object);
 * - `<bucket>/journal.ndjson`: an append-only journal of puts and deletes with each object's metadata. It is the
 *   commit point (the bytes are on disk before their journal line) and is replayed into an in-memory index on
 *   start. No write rewrites more than the one object it touches.
 */
export interface TBucketRecord {
  name: string;
  ownerAccountId: string;
  region: string;
  createdAt: number;
}

export interface TObjectMeta {
  key: string;
  size: number;
  /** Quoted MD5 hex, as S3 returns it for single-part uploads. */
  etag: string;
  lastModified: number;
  contentType: string;
  contentEncoding?: string;
  /** x-amz-meta-* headers, names lower-cased without the prefix. */
  metadata: Record<string, string>;
  /** Base64 CRC32, kept when the client sent one (and it matched). */
  checksumCrc32?: string;
}

type TJournalLine = { op: 'put'; meta: TObjectMeta } | { op: 'del'; key: string; at: number };

interface TBucketIndex {
  objects: Map<string, TObjectMeta>;
  /** Keys in S3 order; rebuilt lazily after a put of a new key or a delete. */
  sorted: string[] | null;
}

const BUCKETS_FILE = 'buckets.json';

export class BucketStore {
  private readonly buckets = new Map<string, TBucketRecord>();
  private readonly indexes = new Map<string, TBucketIndex>();
  /** Open journal descriptors, and directories known to exist: a backfill writes tens of thousands of objects. */
  private readonly journals = new Map<string, number>();
  private readonly dirs = new Set<string>();
  /** Deferred writes (log delivery): file → bytes, readable from memory until they are on disk and journaled. */
  private readonly pending = new Map<string, Buffer>();
  private readonly queue: (() => Promise<void>)[] = [];
  private running = 0;
  private idle: Promise<void> = Promise.resolve();
  private resolveIdle: (() => void) | undefined;
  /** Writes in flight at once: file creation is what a backfill waits on, and the disk overlaps them well. */
  private static readonly WRITERS = 16;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, BUCKETS_FILE);
    if (existsSync(file)) {
      for (const b of JSON.parse(readFileSync(file, 'utf8')) as TBucketRecord[]) this.buckets.set(b.name, b);
    }
  }

  private saveBuckets(): void {
    const file = path.join(this.dir, BUCKETS_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.buckets.values()]));
    renameSync(tmp, file);
  }

  private bucketDir(bucket: string): string {
    return path.join(this.dir, bucket);
  }

  private objectFile(bucket: string, key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(this.bucketDir(bucket), 'objects', hash.slice(0, 2), hash);
  }

  private index(bucket: string): TBucketIndex {
    let index = this.indexes.get(bucket);
    if (index) return index;
    index = { objects: new Map(), sorted: null };
    const journal = path.join(this.bucketDir(bucket), 'journal.ndjson');
    if (existsSync(journal)) {
      for (const line of readFileSync(journal, 'utf8').split('\n')) {
        if (!line) continue;
        let entry: TJournalLine;
        try {
          entry = JSON.parse(line) as TJournalLine;
        } catch {
          continue; // a torn last line after a crash: that write never committed
        }
        if (entry.op === 'put') index.objects.set(entry.meta.key, entry.meta);
        else index.objects.delete(entry.key);
      }
    }
    this.indexes.set(bucket, index);
    return index;
  }

  private append(bucket: string, entry: TJournalLine): void {
    let fd = this.journals.get(bucket);
    if (fd === undefined) {
      fd = openSync(path.join(this.bucketDir(bucket), 'journal.ndjson'), 'a');
      this.journals.set(bucket, fd);
    }
    writeSync(fd, `${JSON.stringify(entry)}\n`);
  }

  private ensureDir(dir: string): void {
    if (this.dirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.dirs.add(dir);
  }

  /** Resolves once every deferred write is on disk and journaled. */
  settle(): Promise<void> {
    return this.idle;
  }

  /** Finishes the deferred writes, then closes the open journal files (the sandbox's close()). */
  async close(): Promise<void> {
    await this.settle();
    for (const fd of this.journals.values()) closeSync(fd);
    this.journals.clear();
  }

  private pump(): void {
    while (this.running < BucketStore.WRITERS && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running += 1;
      void job().finally(() => {
        this.running -= 1;
        if (this.running === 0 && this.queue.length === 0) this.resolveIdle?.();
        this.pump();
      });
    }
  }

  /**
   * Like `put` for a new key, but the bytes are written in the background (several at a time): the object is
   * listed and readable at once (from memory), and committed to the journal once its file is written. Log delivery
   * uses it, so a backfill of ten thousand objects does not wait on each file in turn. An existing key is replaced
   * synchronously, as `put` does.
   */
  putDeferred(
    bucket: string,
    key: string,
    body: Buffer,
    attrs: Omit<TObjectMeta, 'key' | 'size' | 'etag'>,
  ): TObjectMeta {
    const index = this.index(bucket);
    if (index.objects.has(key)) return this.put(bucket, key, body, attrs);
    const file = this.objectFile(bucket, key);
    this.ensureDir(path.dirname(file));
    const meta: TObjectMeta = {
      key,
      size: body.length,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      ...attrs,
    };
    index.objects.set(key, meta);
    index.sorted = null;
    this.pending.set(file, body);
    if (this.running === 0 && this.queue.length === 0) {
      this.idle = new Promise((resolve) => (this.resolveIdle = resolve));
    }
    const tmp = `${file}.${process.pid}.deferred.tmp`;
    this.queue.push(async () => {
      try {
        await writeFile(tmp, body);
        // Deleted or replaced meanwhile: that later change is on disk and in the journal already; drop this one.
        if (this.indexes.get(bucket)?.objects.get(key) === meta) {
          await rename(tmp, file);
          this.append(bucket, { op: 'put', meta });
        } else {
          await rm(tmp, { force: true });
        }
      } finally {
        if (this.pending.get(file) === body) this.pending.delete(file);
      }
    });
    this.pump();
    return meta;
  }

  getBucket(name: string): TBucketRecord | undefined {
    return this.buckets.get(name);
  }

  listBuckets(): TBucketRecord[] {
    return [...this.buckets.values()].sort((a, b) => compareKeys(a.name, b.name));
  }

  createBucket(record: TBucketRecord): void {
    mkdirSync(path.join(this.bucketDir(record.name), 'objects'), { recursive: true });
    this.buckets.set(record.name, record);
    this.saveBuckets();
  }

  /** Caller checks emptiness. */
  deleteBucket(name: string): void {
    this.buckets.delete(name);
    this.indexes.delete(name);
    const fd = this.journals.get(name);
    if (fd !== undefined) closeSync(fd);
    this.journals.delete(name);
    for (const d of this.dirs) if (d.startsWith(this.bucketDir(name))) this.dirs.delete(d);
    this.saveBuckets();
    rmSync(this.bucketDir(name), { recursive: true, force: true });
  }

  objectCount(bucket: string): number {
    return this.index(bucket).objects.size;
  }

  head(bucket: string, key: string): TObjectMeta | undefined {
    return this.index(bucket).objects.get(key);
  }

  read(bucket: string, key: string): { meta: TObjectMeta; body: Buffer } | undefined {
    const meta = this.head(bucket, key);
    if (!meta) return undefined;
    const file = this.objectFile(bucket, key);
    return { meta, body: this.pending.get(file) ?? readFileSync(file) };
  }

  put(
    bucket: string,
    key: string,
    body: Buffer,
    attrs: Omit<TObjectMeta, 'key' | 'size' | 'etag'>,
  ): TObjectMeta {
    const index = this.index(bucket);
    const file = this.objectFile(bucket, key);
    this.ensureDir(path.dirname(file));
    this.pending.delete(file);
    if (index.objects.has(key)) {
      // Replacing: readers must see the old bytes or the new ones, never a mix.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, body);
      renameSync(tmp, file);
    } else {
      // A new key is invisible until its journal line is written, so the bytes can go straight to their file.
      writeFileSync(file, body);
    }
    const meta: TObjectMeta = {
      key,
      size: body.length,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      ...attrs,
    };
    this.append(bucket, { op: 'put', meta });
    if (!index.objects.has(key)) index.sorted = null;
    index.objects.set(key, meta);
    return meta;
  }

  delete(bucket: string, key: string, at: number): void {
    const index = this.index(bucket);
    if (!index.objects.has(key)) return;
    this.append(bucket, { op: 'del', key, at });
    index.objects.delete(key);
    index.sorted = null;
    this.pending.delete(this.objectFile(bucket, key));
    rmSync(this.objectFile(bucket, key), { force: true });
  }

  sortedKeys(bucket: string): readonly string[] {
    const index = this.index(bucket);
    if (!index.sorted) index.sorted = [...index.objects.keys()].sort(compareKeys);
    return index.sorted;
  }
}
