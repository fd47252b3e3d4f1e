import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMigrationStatus, migrateDatabase, type TAppliedMigrationRow } from '@/lib/db/migrate';
import { readMigrations } from '@/lib/db/migrations-dir';
import { connectPostgres } from '@/lib/db/sql-client';
import { testDatabaseKinds, type TFreshDatabase } from './test-databases';

const realMigrations = path.resolve(import.meta.dirname, '../../prisma/migrations');

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bap-migrations-'));
  await cp(realMigrations, dir, { recursive: true });
  return dir;
}

describe.each(testDatabaseKinds)('migrator on $name', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  async function fresh(): Promise<TFreshDatabase> {
    const db = await kind.fresh();
    cleanup.push(() => db.dispose());
    return db;
  }
  async function tempMigrations(): Promise<string> {
    const dir = await copyMigrations();
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  it('applies every migration once, records Prisma-format rows, and is idempotent', async () => {
    const db = await fresh();
    const files = await readMigrations(realMigrations);
    expect(files.length).toBeGreaterThan(0);

    const first = await migrateDatabase(db.sql, { migrationsDir: realMigrations });
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await migrateDatabase(db.sql, { migrationsDir: realMigrations });
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });

    const rows = await db.sql.query<TAppliedMigrationRow>(
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      const file = files[i]!;
      const bytes = await readFile(path.join(realMigrations, file.name, 'migration.sql'));
      expect(row.migration_name).toBe(file.name);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(new Date(row.started_at).getTime() - 1000);
    }
    // Prisma's own table layout, so `prisma migrate deploy` recognises it.
    const columns = await db.sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' AND table_schema = current_schema() ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name}:${c.data_type}:${c.is_nullable}`)).toEqual([
      'id:character varying:NO',
      'checksum:character varying:NO',
      'finished_at:timestamp with time zone:YES',
      'migration_name:character varying:NO',
      'logs:text:YES',
      'rolled_back_at:timestamp with time zone:YES',
      'started_at:timestamp with time zone:NO',
      'applied_steps_count:integer:NO',
    ]);
    const status = await getMigrationStatus(db.sql, realMigrations);
    expect(status.pending).toEqual([]);
    expect(status.applied.map((a) => a.name)).toEqual(files.map((f) => f.name));
  });

  it('applies only a newly added migration', async () => {
    const db = await fresh();
    const dir = await tempMigrations();
    await migrateDatabase(db.sql, { migrationsDir: dir });
    await mkdir(path.join(dir, '29990101000000_add_extra'));
    await writeFile(
      path.join(dir, '29990101000000_add_extra/migration.sql'),
      'CREATE TABLE "Extra" ("id" INTEGER);\n',
    );
    expect((await getMigrationStatus(db.sql, dir)).pending).toEqual(['29990101000000_add_extra']);
    const result = await migrateDatabase(db.sql, { migrationsDir: dir });
    expect(result.applied).toEqual(['29990101000000_add_extra']);
    expect(await db.sql.query('SELECT * FROM "Extra"')).toEqual([]);
  });

  it('refuses to run when an applied migration was modified', async () => {
    const db = await fresh();
    const dir = await tempMigrations();
    await migrateDatabase(db.sql, { migrationsDir: dir });
    const [first] = await readMigrations(dir);
    const file = path.join(dir, first!.name, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited afterwards\n`);
    await mkdir(path.join(dir, '29990101000000_add_extra'));
    await writeFile(
      path.join(dir, '29990101000000_add_extra/migration.sql'),
      'CREATE TABLE "Extra" ("id" INTEGER);\n',
    );

    await expect(migrateDatabase(db.sql, { migrationsDir: dir })).rejects.toThrow(
      /modified after they were applied/,
    );
    const status = await getMigrationStatus(db.sql, dir);
    expect(status.modified).toEqual([first!.name]);
    // Nothing after the refusal ran.
    expect(status.pending).toEqual(['29990101000000_add_extra']);
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const db = await fresh();
    const dir = await tempMigrations();
    await migrateDatabase(db.sql, { migrationsDir: dir });
    await mkdir(path.join(dir, '29990101000000_broken'));
    await writeFile(
      path.join(dir, '29990101000000_broken/migration.sql'),
      'CREATE TABLE "HalfDone" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n',
    );
    await expect(migrateDatabase(db.sql, { migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed/,
    );
    const tables = await db.sql.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'`,
    );
    expect(tables).toEqual([]);
    expect((await getMigrationStatus(db.sql, dir)).pending).toEqual(['29990101000000_broken']);
    // The connection is usable afterwards (no transaction left aborted).
    expect(await db.sql.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
  });

  // Several portal replicas may start at once; only PostgreSQL has separate sessions that can race.
  if (kind.name === 'postgresql') {
    it('serializes concurrent migrators so each migration is applied exactly once', async () => {
      const db = await fresh();
      const others = await Promise.all([connectPostgres(db.url!), connectPostgres(db.url!)]);
      cleanup.push(async () => {
        await Promise.all(others.map((o) => o.close()));
      });
      const results = await Promise.all(
        [db.sql, ...others].map((sql) => migrateDatabase(sql, { migrationsDir: realMigrations })),
      );
      const files = await readMigrations(realMigrations);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
      const rows = await db.sql.query('SELECT 1 FROM "_prisma_migrations"');
      expect(rows).toHaveLength(files.length);
    });
  }
});
