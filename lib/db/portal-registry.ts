/**
 * The bridge between a running portal and the CLI. Only one process may open the embedded database, so while the
 * portal holds it the CLI forwards commands to the portal over HTTP. The portal advertises its base URL and a
 * random bearer token in `${PORTAL_DATA_DIR}/portal.json` (mode 0600: only the same OS user can read the token).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { isSameLiveProcess, liveLockHolder, processStartId } from './pglite-lock';

export interface TRunningPortal {
  url: string;
  token: string;
  pid: number;
  /** See processStartId: guards against a recycled pid (containers restart as pid 1). */
  startId?: string | null;
  startedAt: string;
}

const globalForPortal = globalThis as typeof globalThis & { __bapPortalToken?: string };

export function portalFilePath(portalDataDir: string): string {
  return path.join(path.resolve(portalDataDir), 'portal.json');
}

/**
 * Called once by the portal's start-up code. Advertises the portal only when it uses the embedded database and
 * this process holds its lock (with PostgreSQL the CLI connects directly). Returns whether it registered.
 */
export async function registerRunningPortal(options: {
  url: string;
  portalDataDir?: string;
}): Promise<boolean> {
  const e = env();
  if (e.DATABASE_URL) return false;
  const dataDir = path.resolve(options.portalDataDir ?? e.PORTAL_DATA_DIR);
  const holder = liveLockHolder(dataDir);
  if (holder?.pid !== process.pid || holder.startId !== processStartId(process.pid)) return false;
  const token = randomBytes(32).toString('base64url');
  const record: TRunningPortal = {
    url: options.url.replace(/\/+$/, ''),
    token,
    pid: process.pid,
    startId: processStartId(process.pid),
    startedAt: new Date().toISOString(),
  };
  const file = portalFilePath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  globalForPortal.__bapPortalToken = token;
  process.once('exit', () => unregisterRunningPortal(dataDir));
  return true;
}

/** Removes portal.json if this process wrote it. */
export function unregisterRunningPortal(portalDataDir: string): void {
  const file = portalFilePath(portalDataDir);
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as TRunningPortal;
    if (record.pid === process.pid) unlinkSync(file);
  } catch {
    // Nothing registered.
  }
  globalForPortal.__bapPortalToken = undefined;
}

/** The running portal the CLI should forward to, or null (no file, or its process is gone). */
export function readRunningPortal(portalDataDir: string): TRunningPortal | null {
  try {
    const record = JSON.parse(readFileSync(portalFilePath(portalDataDir), 'utf8')) as TRunningPortal;
    if (typeof record.url !== 'string' || typeof record.token !== 'string') return null;
    return isSameLiveProcess(record.pid, record.startId) ? record : null;
  } catch {
    return null;
  }
}

/** The token in portal.json if this very process wrote it (a bundler may have split the globalThis copy away). */
function ownTokenFromFile(): string | undefined {
  try {
    const record = JSON.parse(readFileSync(portalFilePath(env().PORTAL_DATA_DIR), 'utf8')) as TRunningPortal;
    return record.pid === process.pid ? record.token : undefined;
  } catch {
    return undefined;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Checks an `Authorization: Bearer <token>` header against this process's token, in constant time (both sides
 * are hashed first so their lengths match). False when this process registered no token.
 */
export function verifyPortalToken(authorizationHeader: string | null | undefined): boolean {
  const expected = globalForPortal.__bapPortalToken ?? ownTokenFromFile();
  if (!expected || !authorizationHeader) return false;
  const m = /^Bearer\s+(\S+)$/.exec(authorizationHeader.trim());
  if (!m) return false;
  return timingSafeEqual(digest(m[1]!), digest(expected));
}
