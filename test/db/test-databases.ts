/**
 * The databases the database suites run on: always a fresh in-memory PGlite, and also a fresh PostgreSQL
 * database when TEST_DATABASE_URL (or else DATABASE_URL) points at a server. Each PostgreSQL database is created
 * for one test and dropped after it, so the suites never touch the database the URL names.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { connectPostgres, sqlClientFromPglite, type TSqlClient } from '@/lib/db/sql-client';

export interface TFreshDatabase {
  sql: TSqlClient;
  /** PostgreSQL only: the database's URL, for opening more connections. */
  url?: string;
  /** A Prisma client on the same database (call after migrating). */
  prisma(): PrismaClient;
  /** A driver-adapter factory on the same database, for Prisma's schema engine. */
  adapter(): SqlMigrationAwareDriverAdapterFactory;
  dispose(): Promise<void>;
}

export interface TTestDatabaseKind {
  name: 'pglite' | 'postgresql';
  fresh(): Promise<TFreshDatabase>;
}

export const adminDatabaseUrl: string | undefined =
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

const pgliteKind: TTestDatabaseKind = {
  name: 'pglite',
  async fresh() {
    const pglite = await PGlite.create();
    let prisma: PrismaClient | undefined;
    return {
      sql: sqlClientFromPglite(pglite),
      prisma: () => (prisma ??= new PrismaClient({ adapter: new PrismaPGlite(pglite) })),
      adapter: () => new PrismaPGlite(pglite),
      async dispose() {
        await prisma?.$disconnect();
        await pglite.close();
      },
    };
  },
};

function postgresKind(adminUrl: string): TTestDatabaseKind {
  return {
    name: 'postgresql',
    async fresh() {
      const name = `bap_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      const admin = await connectPostgres(adminUrl);
      try {
        await admin.exec(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.close();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const sql = await connectPostgres(url.toString());
      let prisma: PrismaClient | undefined;
      return {
        sql,
        url: url.toString(),
        prisma: () =>
          (prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) })),
        adapter: () => new PrismaPg({ connectionString: url.toString() }),
        async dispose() {
          await prisma?.$disconnect();
          await sql.close();
          const a = await connectPostgres(adminUrl);
          try {
            await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          } finally {
            await a.close();
          }
        },
      };
    },
  };
}

export const testDatabaseKinds: TTestDatabaseKind[] = [
  pgliteKind,
  ...(adminDatabaseUrl ? [postgresKind(adminDatabaseUrl)] : []),
];

/** Tables, columns, indexes, constraints and enums of the current schema, as comparable text lines. */
export interface TCatalog {
  tables: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
}

export async function describeCatalog(sql: TSqlClient): Promise<TCatalog> {
  const lines = async (query: string) => (await sql.query<{ line: string }>(query)).map((r) => r.line).sort();
  return {
    tables: await lines(`SELECT table_name AS line FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`),
    columns: await lines(`SELECT concat_ws(' | ', table_name, column_name, data_type, udt_name, is_nullable,
        coalesce(column_default, '-'), coalesce(character_maximum_length::text, '-'),
        coalesce(numeric_precision::text, '-'), coalesce(numeric_scale::text, '-'),
        coalesce(datetime_precision::text, '-')) AS line
      FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`),
    indexes: await lines(`SELECT indexname || ': ' || indexdef AS line FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`),
    constraints: await lines(`SELECT rel.relname || '.' || c.conname || ' ' || c.contype::text || ': ' ||
        pg_get_constraintdef(c.oid) AS line
      FROM pg_constraint c JOIN pg_class rel ON rel.oid = c.conrelid
      WHERE c.connamespace = current_schema()::regnamespace AND rel.relname <> '_prisma_migrations'`),
    enums:
      await lines(`SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`),
  };
}
