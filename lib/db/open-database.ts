/**
 * Opens the portal's database: PostgreSQL through @prisma/adapter-pg when a URL is given, otherwise embedded
 * PGlite persisted in a directory (created and migrated on first open) or in memory (tests).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { migrateDatabase } from './migrate';
import { acquireDataDirLock, type TDataDirLock } from './pglite-lock';
import { connectPostgres, sqlClientFromPglite } from './sql-client';

export type TOpenDatabaseOptions =
  | { url: string; dataDir?: never; memory?: never; migrate?: boolean; migrationsDir?: string }
  | { dataDir: string; url?: never; memory?: never; migrate?: boolean; migrationsDir?: string }
  | { memory: true; url?: never; dataDir?: never; migrate?: boolean; migrationsDir?: string };

export interface TOpenDatabase {
  db: PrismaClient;
  kind: 'postgresql' | 'pglite';
  /** The PGlite instance (embedded mode only), e.g. for raw catalog queries in tests. */
  pglite?: PGlite;
  /** Data directory of the embedded database, when persisted. */
  dataDir?: string;
  close(): Promise<void>;
}

/**
 * The embedded database is readable by its owner only: its directory (and the portal data directory above it) is
 * 0700, and every file PGlite wrote with the default 0666 & umask loses its group and other bits.
 */
export function restrictDataDirPermissions(dir: string): void {
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      if ((st.mode & 0o777) !== 0o700) chmodSync(p, 0o700);
      for (const entry of readdirSync(p)) walk(path.join(p, entry));
    } else if ((st.mode & 0o077) !== 0) {
      chmodSync(p, st.mode & 0o700);
    }
  };
  walk(dir);
}

/** Where the embedded database lives inside PORTAL_DATA_DIR. */
export function pgliteDirFor(portalDataDir: string): string {
  return path.join(path.resolve(portalDataDir), 'pglite');
}

/**
 * PostgreSQL: migrations are applied only when `migrate: true` (production deploys run `npm run db:migrate`).
 * PGlite: migrated on every open unless `migrate: false` (start-up applies what a new version brought).
 */
export async function openDatabase(options: TOpenDatabaseOptions): Promise<TOpenDatabase> {
  if (options.url !== undefined) {
    if (options.migrate) {
      const sql = await connectPostgres(options.url);
      try {
        await migrateDatabase(sql, { migrationsDir: options.migrationsDir });
      } finally {
        await sql.close();
      }
    }
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.url }) });
    return { db, kind: 'postgresql', close: () => db.$disconnect() };
  }

  let lock: TDataDirLock | undefined;
  let pglite: PGlite;
  if (options.dataDir !== undefined) {
    // The lock sits next to the data directory, so PGlite never sees a foreign file inside its own.
    const parent = path.dirname(path.resolve(options.dataDir));
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    chmodSync(parent, 0o700);
    mkdirSync(path.resolve(options.dataDir), { recursive: true, mode: 0o700 });
    lock = acquireDataDirLock(parent, path.resolve(options.dataDir));
    try {
      pglite = await PGlite.create(path.resolve(options.dataDir));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create();
  }
  try {
    if (options.migrate !== false) {
      await migrateDatabase(sqlClientFromPglite(pglite), { migrationsDir: options.migrationsDir });
    }
  } catch (error) {
    await pglite.close();
    lock?.release();
    throw error;
  }
  // After migrations, so the files they created are covered too; the 0700 directory guards files written later.
  if (options.dataDir !== undefined) restrictDataDirPermissions(path.resolve(options.dataDir));
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite,
    dataDir: options.dataDir === undefined ? undefined : path.resolve(options.dataDir),
    async close() {
      if (closed) return;
      closed = true;
      // PGlite keeps the process alive until it is closed; Prisma must let go of it first.
      await db.$disconnect();
      await pglite.close();
      lock?.release();
    },
  };
}
