/**
 * A minimal SQL connection used below Prisma: by the migrator, `db status`, and tests that inspect the catalog.
 * One connection, so BEGIN/COMMIT issued through it frame a real transaction on both PGlite and PostgreSQL.
 */
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface TSqlClient {
  readonly kind: 'pglite' | 'postgresql';
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Wraps an open PGlite; close() does not close it (the owner does). */
export function sqlClientFromPglite(pglite: PGlite): TSqlClient {
  return {
    kind: 'pglite',
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    async close() {},
  };
}

export async function connectPostgres(url: string): Promise<TSqlClient> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgresql',
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
    close: () => client.end(),
  };
}
