import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os, { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, pgliteDirFor } from '@/lib/db/open-database';
import { lockFilePath, processStartId } from '@/lib/db/pglite-lock';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bap-pglite-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeLock(pid: number, startId: string | null = processStartId(pid)) {
  await writeFile(
    lockFilePath(root),
    JSON.stringify({ pid, startId, hostname: hostname(), acquiredAt: new Date().toISOString() }),
  );
}

describe('embedded database (PGlite) on disk', () => {
  it('is created and migrated on first open, and keeps its data across close and reopen', async () => {
    const dir = pgliteDirFor(root);
    const first = await openDatabase({ dataDir: dir });
    await first.db.team.create({ data: { slug: 'kept', name: 'Kept', costCenter: 'CC-1' } });
    await first.close();
    expect(existsSync(lockFilePath(root))).toBe(false);

    const again = await openDatabase({ dataDir: dir });
    try {
      expect(await again.db.team.findUnique({ where: { slug: 'kept' }, select: { name: true } })).toEqual({
        name: 'Kept',
      });
      const applied = await again.db.$queryRawUnsafe<{ n: bigint }[]>(
        'SELECT count(*) AS n FROM "_prisma_migrations"',
      );
      expect(Number(applied[0]!.n)).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });

  it('lets only one opener hold the directory, and names the holder', async () => {
    const dir = pgliteDirFor(root);
    const holder = await openDatabase({ dataDir: dir });
    try {
      const lock = JSON.parse(await readFile(lockFilePath(root), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already open by this process/);
    } finally {
      await holder.close();
    }
  });

  it('refuses while another live process holds the lock, and takes over once it is gone', async () => {
    const dir = pgliteDirFor(root);
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => other.once('exit', resolve));
    try {
      await writeLock(other.pid!);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        new RegExp(`already open by process ${other.pid}`),
      );
    } finally {
      other.kill('SIGKILL');
      await exited;
    }
    // The holder died without cleaning up: its lock is stale and is taken over.
    const db = await openDatabase({ dataDir: dir });
    try {
      const lock = JSON.parse(await readFile(lockFilePath(root), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(process.pid);
    } finally {
      await db.close();
    }
  });

  it('treats a lock left by an earlier process with a recycled pid as stale (a container restarting as pid 1)', async () => {
    expect(processStartId(process.pid)).not.toBeNull();
    await writeLock(process.pid, '1');
    const db = await openDatabase({ dataDir: pgliteDirFor(root) });
    await db.close();
    expect(existsSync(lockFilePath(root))).toBe(false);
  });

  it('opens a migrated in-memory database for tests, with no files and no lock', async () => {
    const mem = await openDatabase({ memory: true });
    try {
      expect(mem.kind).toBe('pglite');
      expect(mem.dataDir).toBeUndefined();
      expect(await mem.db.model.count()).toBe(0);
    } finally {
      await mem.close();
    }
  });
});
