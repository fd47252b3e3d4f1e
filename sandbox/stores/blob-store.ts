import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Blobs as files on disk, one file per key, plus a small JSON sidecar with its metadata. Keys may contain any
 * characters: they are stored under their sha256 so no key can escape the directory. A put writes a temp file and
 * renames it, so a reader never sees a half-written blob and no write touches any other blob.
 */
export interface TBlobMeta {
  key: string;
  size: number;
  /** Hex md5 of the content (S3's ETag for single-part uploads). */
  md5: string;
  lastModified: number;
  contentType?: string;
  /** Free-form metadata the owning service keeps with the blob. */
  extra?: Record<string, string>;
}

export class BlobStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private paths(key: string): { data: string; meta: string } {
    const h = createHash('sha256').update(key).digest('hex');
    const sub = path.join(this.dir, h.slice(0, 2));
    return { data: path.join(sub, `${h}.bin`), meta: path.join(sub, `${h}.json`) };
  }

  put(
    key: string,
    data: Buffer,
    opts: { now: number; contentType?: string; extra?: Record<string, string> },
  ): TBlobMeta {
    const p = this.paths(key);
    mkdirSync(path.dirname(p.data), { recursive: true });
    const meta: TBlobMeta = {
      key,
      size: data.length,
      md5: createHash('md5').update(data).digest('hex'),
      lastModified: opts.now,
      contentType: opts.contentType,
      extra: opts.extra,
    };
    const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(`${p.data}.${suffix}`, data);
    writeFileSync(`${p.meta}.${suffix}`, JSON.stringify(meta));
    renameSync(`${p.data}.${suffix}`, p.data);
    renameSync(`${p.meta}.${suffix}`, p.meta);
    return meta;
  }

  head(key: string): TBlobMeta | undefined {
    try {
      return JSON.parse(readFileSync(this.paths(key).meta, 'utf8')) as TBlobMeta;
    } catch {
      return undefined;
    }
  }

  /** The whole blob, or a byte range [start, end] inclusive. */
  get(key: string, range?: { start: number; end: number }): { meta: TBlobMeta; data: Buffer } | undefined {
    const meta = this.head(key);
    if (!meta) return undefined;
    const all = readFileSync(this.paths(key).data);
    return { meta, data: range ? all.subarray(range.start, range.end + 1) : all };
  }

  delete(key: string): boolean {
    const p = this.paths(key);
    const existed = this.head(key) !== undefined;
    rmSync(p.meta, { force: true });
    rmSync(p.data, { force: true });
    return existed;
  }

  /** Every key (sorted by UTF-8 bytes, as S3 lists), optionally under a prefix. Reads only the sidecars. */
  keys(prefix = ''): string[] {
    const out: string[] = [];
    let subs: string[];
    try {
      subs = readdirSync(this.dir);
    } catch {
      return out;
    }
    for (const sub of subs) {
      const dir = path.join(this.dir, sub);
      if (!statSync(dir).isDirectory()) continue;
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.json')) continue;
        try {
          const meta = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as TBlobMeta;
          if (meta.key.startsWith(prefix)) out.push(meta.key);
        } catch {
          // A sidecar being renamed into place; the next listing sees it.
        }
      }
    }
    return out.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }
}
