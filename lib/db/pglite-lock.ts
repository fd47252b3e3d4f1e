/**
 * PGlite is a single-process database: two processes opening the same data directory corrupt it. The first opener
 * writes `pglite.lock` (exclusive create) with its pid; a later opener fails clearly while that pid is alive, and
 * takes over a lock whose process is gone (killed portals leave one behind).
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { AppError } from '@/lib/errors/app-error';

export interface TLockInfo {
  pid: number;
  /** Kernel start time of that pid (Linux), so a recycled pid is not mistaken for the holder. */
  startId?: string | null;
  hostname: string;
  acquiredAt: string;
}

export interface TDataDirLock {
  readonly file: string;
  release(): void;
}

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, 'pglite.lock');
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The start time of a process in clock ticks since boot (/proc/<pid>/stat, field 22), or null off Linux.
 * In a container the portal is often pid 1 on every restart: the pid alone cannot tell a stale lock from ours.
 */
export function processStartId(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** True when `pid` is alive and is the same process that recorded `startId` (when both start ids are known). */
export function isSameLiveProcess(pid: number, startId: string | null | undefined): boolean {
  if (!isProcessAlive(pid)) return false;
  if (!startId) return true;
  const current = processStartId(pid);
  return current === null || current === startId;
}

export function readLockInfo(dataDir: string): TLockInfo | null {
  try {
    return JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as TLockInfo;
  } catch {
    return null;
  }
}

/** The pid holding the data directory, if a live process holds it. */
export function liveLockHolder(dataDir: string): TLockInfo | null {
  const info = readLockInfo(dataDir);
  return info && info.hostname === hostname() && isSameLiveProcess(info.pid, info.startId) ? info : null;
}

/** `dataDir` holds the lock file; `databaseDir` (default: the same) names the database in error messages. */
export function acquireDataDirLock(dataDir: string, databaseDir: string = dataDir): TDataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  const info: TLockInfo = {
    pid: process.pid,
    startId: processStartId(process.pid),
    hostname: hostname(),
    acquiredAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      const onExit = () => releaseIfOurs(file);
      process.once('exit', onExit);
      return {
        file,
        release() {
          process.removeListener('exit', onExit);
          releaseIfOurs(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLockInfo(dataDir);
      const sameHost = holder?.hostname === hostname();
      if (holder && (!sameHost || isSameLiveProcess(holder.pid, holder.startId))) {
        const who =
          holder.pid === process.pid ? 'this process' : `process ${holder.pid} on ${holder.hostname}`;
        throw new AppError(
          'UNAVAILABLE',
          `The embedded database in ${databaseDir} is already open by ${who} (since ${holder.acquiredAt}). ` +
            'Only one process may open it: stop that process, use the portal CLI (it forwards to a running portal), ' +
            'or set DATABASE_URL to use PostgreSQL. If that process no longer exists (e.g. another host), delete ' +
            `${file}.`,
          { details: { dataDir, pid: holder.pid } },
        );
      }
      // Stale (holder dead) or unreadable (a crash mid-write): take it over.
      try {
        unlinkSync(file);
      } catch {
        // Another process may have removed it first; the next attempt decides.
      }
    }
  }
  throw new AppError('UNAVAILABLE', `Could not acquire the database lock ${file}`);
}

function releaseIfOurs(file: string): void {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as TLockInfo;
    if (info.pid === process.pid && info.startId === processStartId(process.pid)) unlinkSync(file);
  } catch {
    // Already gone.
  }
}
