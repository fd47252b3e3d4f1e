import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, pgliteDirFor } from '@/lib/db/open-database';

let root: string;
beforeEach(async () => {
  root = path.join(await mkdtemp(path.join(os.tmpdir(), 'bap-perms-')), '.data');
});
afterEach(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

async function modes(dir: string): Promise<{ path: string; mode: number; dir: boolean }[]> {
  const out: { path: string; mode: number; dir: boolean }[] = [];
  const walk = async (p: string) => {
    const st = await stat(p);
    out.push({ path: p, mode: st.mode & 0o777, dir: st.isDirectory() });
    if (st.isDirectory()) for (const e of await readdir(p)) await walk(path.join(p, e));
  };
  await walk(dir);
  return out;
}

describe('embedded database file permissions', () => {
  it('creates the data directory 0700 and leaves no file readable or writable by other users', async () => {
    const dir = pgliteDirFor(root);
    const opened = await openDatabase({ dataDir: dir });
    try {
      await opened.db.team.create({ data: { slug: 'perm', name: 'Perm', costCenter: 'CC-1' } });
    } finally {
      await opened.close();
    }
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const all = await modes(dir);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((f) => f.dir && f.mode !== 0o700).map((f) => f.path)).toEqual([]);
    expect(all.filter((f) => (f.mode & 0o077) !== 0).map((f) => `${f.path} ${f.mode.toString(8)}`)).toEqual(
      [],
    );
  });
});
