/**
 * Proves, with Prisma's own schema engine (the wasm build of what `prisma migrate deploy|status` run), that
 * databases migrated by this project's migrator and by Prisma are interchangeable.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMigrationStatus, migrateDatabase } from '@/lib/db/migrate';
import { readMigrations } from '@/lib/db/migrations-dir';
import { applyMigrationsWithPrisma, diagnoseMigrationHistory } from '@/lib/db/schema-engine';
import type { TSqlClient } from '@/lib/db/sql-client';
import { describeCatalog, testDatabaseKinds, type TFreshDatabase } from './test-databases';

const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');

async function migrationsTableLayout(sql: TSqlClient) {
  return sql.query(
    `SELECT column_name, data_type, is_nullable, column_default, character_maximum_length
     FROM information_schema.columns
     WHERE table_name = '_prisma_migrations' AND table_schema = current_schema() ORDER BY ordinal_position`,
  );
}

describe.each(testDatabaseKinds)("Prisma's engine and our migrator on $name", (kind) => {
  const open: TFreshDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.dispose()));
  });
  async function fresh() {
    const db = await kind.fresh();
    open.push(db);
    return db;
  }

  it('Prisma sees a database migrated by us as up to date, and would apply nothing', async () => {
    const db = await fresh();
    await migrateDatabase(db.sql, { migrationsDir });
    const diagnosis = await diagnoseMigrationHistory(db.adapter(), migrationsDir);
    expect(diagnosis).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
    expect(await applyMigrationsWithPrisma(db.adapter(), migrationsDir)).toEqual([]);
  });

  it('Prisma flags a migration whose file changed after we applied it', async () => {
    const db = await fresh();
    await migrateDatabase(db.sql, { migrationsDir });
    const [first] = await readMigrations(migrationsDir);
    await db.sql.query(
      `UPDATE "_prisma_migrations" SET "checksum" = repeat('0', 64) WHERE "migration_name" = $1`,
      [first!.name],
    );
    const diagnosis = await diagnoseMigrationHistory(db.adapter(), migrationsDir);
    expect(diagnosis.editedMigrationNames).toEqual([first!.name]);
    expect((await getMigrationStatus(db.sql, migrationsDir)).modified).toEqual([first!.name]);
  });

  it('we see a database migrated by Prisma as up to date, with the same schema and bookkeeping table', async () => {
    const byPrisma = await fresh();
    const byUs = await fresh();
    const names = (await readMigrations(migrationsDir)).map((m) => m.name);
    expect(await applyMigrationsWithPrisma(byPrisma.adapter(), migrationsDir)).toEqual(names);
    expect(await migrateDatabase(byPrisma.sql, { migrationsDir })).toEqual({
      applied: [],
      alreadyApplied: names.length,
    });

    await migrateDatabase(byUs.sql, { migrationsDir });
    expect(await describeCatalog(byUs.sql)).toEqual(await describeCatalog(byPrisma.sql));
    expect(await migrationsTableLayout(byUs.sql)).toEqual(await migrationsTableLayout(byPrisma.sql));
  });
});
