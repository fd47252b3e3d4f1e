/**
 * The portal's one Prisma client. PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite under
 * `${PORTAL_DATA_DIR}/pglite`, created and migrated on first open. The client lives on globalThis so Next's dev
 * reloads reuse it instead of opening the embedded database twice.
 */
import 'server-only';
import { env } from '@/lib/env';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { openDatabase, pgliteDirFor, type TOpenDatabase } from '@/lib/db/open-database';

export { openDatabase, pgliteDirFor } from '@/lib/db/open-database';
export type { TOpenDatabase, TOpenDatabaseOptions } from '@/lib/db/open-database';

const globalForDb = globalThis as typeof globalThis & { __bapDb?: Promise<TOpenDatabase> };

export function getDb(): Promise<PrismaClient> {
  return getOpenDatabase().then((o) => o.db);
}

/** The open database with its kind and, for PGlite, its data directory. */
export function getOpenDatabase(): Promise<TOpenDatabase> {
  if (!globalForDb.__bapDb) {
    const e = env();
    const opening = e.DATABASE_URL
      ? openDatabase({ url: e.DATABASE_URL })
      : openDatabase({ dataDir: pgliteDirFor(e.PORTAL_DATA_DIR) });
    // A failed open (e.g. the lock is held) must not be cached, so the next call can retry.
    opening.catch(() => {
      if (globalForDb.__bapDb === opening) globalForDb.__bapDb = undefined;
    });
    globalForDb.__bapDb = opening;
  }
  return globalForDb.__bapDb;
}

/** Operations take an optional database handle so tests (and the CLI) can pass their own; the app uses the shared one. */
export async function resolveDb(db?: PrismaClient): Promise<PrismaClient> {
  return db ?? (await getDb());
}

/** Disconnects Prisma, then closes PGlite (which otherwise keeps the process alive) and releases its lock. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.__bapDb;
  if (!opening) return;
  globalForDb.__bapDb = undefined;
  const open = await opening.catch(() => undefined);
  await open?.close();
}

export type { PrismaClient };
/** The database handle domain operations take (so tests can pass their own). */
export type TDb = PrismaClient;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type TDbTx = Prisma.TransactionClient;
