/**
 * One migrated database per suite and database kind (PGlite, plus PostgreSQL when configured), emptied before
 * each test: migrating a fresh PGlite per test costs seconds, truncating costs milliseconds.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TActor } from '@/lib/auth/permissions';
import { migrateDatabase } from '@/lib/db/migrate';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { TFreshDatabase, TTestDatabaseKind } from '../db/test-databases';

const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');

export function useFreshDatabase(kind: TTestDatabaseKind): () => PrismaClient {
  let current: TFreshDatabase | undefined;
  let tables: string[] = [];
  beforeAll(async () => {
    current = await kind.fresh();
    await migrateDatabase(current.sql, { migrationsDir });
    const rows = await current.sql.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    tables = rows.map((r) => `"${r.name}"`);
  });
  beforeEach(async () => {
    await current!.sql.exec(`TRUNCATE ${tables.join(', ')} CASCADE`);
  });
  afterAll(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => current!.prisma();
}

/** A signed-in team lead (and approver): may read and decide, never administer. */
export function leadActor(teamId = 't-unknown', slug = 'payments'): TActor {
  return {
    userId: 'u-lead',
    email: 'lena.lead@example.com',
    name: 'Lena Park',
    globalRoles: ['APPROVER'],
    teams: [{ teamId, slug, name: slug, role: 'LEAD' }],
  };
}

export async function adminActor(db: PrismaClient): Promise<TActor> {
  const u = await db.user.upsert({
    where: { email: 'ari.admin@example.com' },
    create: { email: 'ari.admin@example.com', name: 'Ari Novak', globalRoles: ['ADMIN'] },
    update: {},
    select: { id: true },
  });
  return {
    userId: u.id,
    email: 'ari.admin@example.com',
    name: 'Ari Novak',
    globalRoles: ['ADMIN'],
    teams: [],
  };
}
