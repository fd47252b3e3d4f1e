/**
 * `npm run db:diff -- --name <name> [--dry-run]`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the previous schema (prisma/migrations/schema.snapshot.prisma) to prisma/schema.prisma, then
 * updates the snapshot. It stands in for `prisma migrate dev --create-only`, whose native engine cannot be
 * downloaded here. Review the SQL before committing it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffSchemas } from '../lib/db/schema-engine';
import { MIGRATION_LOCK_TOML, migrationTimestamp } from '../lib/db/migrations-dir';

const root = path.resolve(import.meta.dirname, '..');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const migrationsDir = path.join(root, 'prisma/migrations');
const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const name = values.name;
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    process.stderr.write('usage: npm run db:diff -- --name <snake_case_name> [--dry-run]\n');
    return 2;
  }
  const current = await readFile(schemaPath, 'utf8');
  const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, 'utf8') : null;
  const sql = await diffSchemas(previous, current);
  if (!sql.trim()) {
    process.stdout.write('No schema changes since the last migration.\n');
    return 0;
  }
  if (values['dry-run']) {
    process.stdout.write(sql);
    return 0;
  }
  const folder = `${migrationTimestamp(new Date())}_${name}`;
  await mkdir(path.join(migrationsDir, folder), { recursive: true });
  await writeFile(path.join(migrationsDir, folder, 'migration.sql'), sql);
  await writeFile(path.join(migrationsDir, 'migration_lock.toml'), MIGRATION_LOCK_TOML);
  await writeFile(snapshotPath, current);
  process.stdout.write(`Wrote prisma/migrations/${folder}/migration.sql — review it before committing.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`db:diff failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
