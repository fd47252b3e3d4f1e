import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/lib/db/migrate';
import { diffSchemas } from '@/lib/db/schema-engine';
import { describeCatalog, testDatabaseKinds, type TFreshDatabase } from './test-databases';

const root = path.resolve(import.meta.dirname, '../..');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const snapshotPath = path.join(root, 'prisma/migrations/schema.snapshot.prisma');

describe('migrations vs prisma/schema.prisma', () => {
  it('the migration snapshot is the current schema (no un-migrated schema change)', async () => {
    const [schema, snapshot] = await Promise.all([
      readFile(schemaPath, 'utf8'),
      readFile(snapshotPath, 'utf8'),
    ]);
    // Semantic check through the engine, so formatting-only edits do not count as a change.
    const pending = await diffSchemas(snapshot, schema);
    expect(
      pending,
      'prisma/schema.prisma changed without a migration: run `npm run db:diff -- --name <name>`',
    ).toBe('');
  });

  describe.each(testDatabaseKinds)('on $name', (kind) => {
    const open: TFreshDatabase[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((d) => d.dispose()));
    });

    it('applying every migration yields exactly the catalog Prisma generates from the schema', async () => {
      const migrated = await kind.fresh();
      open.push(migrated);
      const direct = await kind.fresh();
      open.push(direct);

      await migrateDatabase(migrated.sql, { migrationsDir: path.join(root, 'prisma/migrations') });
      const sql = await diffSchemas(null, await readFile(schemaPath, 'utf8'));
      await direct.sql.exec(sql);

      const want = await describeCatalog(direct.sql);
      const got = await describeCatalog(migrated.sql);
      expect(want.tables.length).toBeGreaterThan(20);
      expect(want.enums.length).toBeGreaterThan(5);
      expect(want.constraints.length).toBeGreaterThan(40);
      expect(want.indexes.length).toBeGreaterThan(40);
      expect(got).toEqual(want);
    });
  });
});
