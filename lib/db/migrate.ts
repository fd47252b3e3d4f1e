/**
 * The project's migrator: applies pending prisma/migrations folders in order and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` would, so Prisma's own engine accepts the database later.
 * It exists because the Prisma CLI cannot download its native engine on these machines. Serves PGlite (at start-up)
 * and PostgreSQL (`npm run db:migrate`).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors/app-error';
import { readMigrations, type TMigrationFile } from './migrations-dir';
import type { TSqlClient } from './sql-client';

// Prisma's own advisory-lock key, so this migrator and `prisma migrate deploy` never run at the same time.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface TAppliedMigrationRow extends Record<string, unknown> {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export interface TMigrationStatus {
  applied: { name: string; finishedAt: Date }[];
  pending: string[];
  /** Applied, but the file changed since: refuse to go on. */
  modified: string[];
  /** Started but never finished (a failed `prisma migrate deploy`): needs `prisma migrate resolve`. */
  failed: string[];
  /** In the database but not in the folder (a newer checkout applied them, or they were deleted). */
  unknown: string[];
}

async function migrationsTableExists(sql: TSqlClient): Promise<boolean> {
  const rows = await sql.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`,
  );
  return rows[0]?.exists === true;
}

async function readApplied(sql: TSqlClient): Promise<TAppliedMigrationRow[]> {
  if (!(await migrationsTableExists(sql))) return [];
  return sql.query<TAppliedMigrationRow>(
    `SELECT * FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL ORDER BY "started_at", "migration_name"`,
  );
}

export function compareMigrations(files: TMigrationFile[], rows: TAppliedMigrationRow[]): TMigrationStatus {
  const byName = new Map(files.map((f) => [f.name, f]));
  const done = new Map<string, TAppliedMigrationRow>();
  const failed: string[] = [];
  for (const row of rows) {
    if (row.finished_at === null) failed.push(row.migration_name);
    else done.set(row.migration_name, row);
  }
  const modified = [...done.values()]
    .filter((r) => byName.has(r.migration_name) && byName.get(r.migration_name)!.checksum !== r.checksum)
    .map((r) => r.migration_name);
  return {
    applied: [...done.values()].map((r) => ({ name: r.migration_name, finishedAt: r.finished_at as Date })),
    pending: files.filter((f) => !done.has(f.name) && !failed.includes(f.name)).map((f) => f.name),
    modified,
    failed,
    unknown: [...done.keys()].filter((n) => !byName.has(n)),
  };
}

export async function getMigrationStatus(sql: TSqlClient, migrationsDir?: string): Promise<TMigrationStatus> {
  return compareMigrations(await readMigrations(migrationsDir), await readApplied(sql));
}

export interface TMigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every pending migration, each in its own transaction together with its `_prisma_migrations` row.
 * Refuses, before touching anything, when an applied migration's file changed or a previous run failed midway.
 */
export async function migrateDatabase(
  sql: TSqlClient,
  options: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<TMigrateResult> {
  const files = await readMigrations(options.migrationsDir);
  await sql.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  try {
    await sql.exec(CREATE_MIGRATIONS_TABLE);
    const status = compareMigrations(files, await readApplied(sql));
    if (status.modified.length > 0) {
      throw new AppError(
        'CONFIGURATION',
        `Applied migration(s) were modified after they were applied: ${status.modified.join(', ')}. ` +
          'Restore the original migration.sql (never edit an applied migration; add a new one).',
        { details: { modified: status.modified } },
      );
    }
    if (status.failed.length > 0) {
      throw new AppError(
        'CONFIGURATION',
        `Migration(s) started but did not finish: ${status.failed.join(', ')}. ` +
          'Inspect the database, then mark them with `prisma migrate resolve` before migrating again.',
        { details: { failed: status.failed } },
      );
    }
    const pending = files.filter((f) => status.pending.includes(f.name));
    for (const file of pending) {
      options.log?.(`applying ${file.name}`);
      await applyOne(sql, file);
    }
    return { applied: pending.map((f) => f.name), alreadyApplied: status.applied.length };
  } finally {
    await sql.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(sql: TSqlClient, file: TMigrationFile): Promise<void> {
  const startedAt = new Date();
  try {
    await sql.transaction(async (tx) => {
      await tx.exec(file.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations"
           ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count")
         VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
        [randomUUID(), file.checksum, file.name, startedAt.toISOString()],
      );
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('INTERNAL', `Migration ${file.name} failed and was rolled back: ${message}`, {
      cause: error,
    });
  }
}
