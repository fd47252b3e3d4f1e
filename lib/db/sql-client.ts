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
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: TSqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type TPgliteQueryable = Pick<PGlite, 'query' | 'exec'>;

function wrapPglite(q: TPgliteQueryable, transaction: TSqlClient['transaction']): TSqlClient {
  return {
    kind: 'pglite',
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await q.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    transaction,
    async close() {},
  };
}

/** Wraps an open PGlite; close() does not close it (the owner does). */
export function sqlClientFromPglite(pglite: PGlite): TSqlClient {
  // PGlite's own transaction() holds its single session for the whole transaction, so queries Prisma issues
  // meanwhile (same process) wait instead of landing inside it.
  const nested = (): Promise<never> => Promise.reject(new Error('nested transactions are not supported'));
  return wrapPglite(pglite, (fn) => pglite.transaction((tx) => fn(wrapPglite(tx, nested))));
}

export async function connectPostgres(url: string): Promise<TSqlClient> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const self: TSqlClient = {
    kind: 'postgresql',
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
    async transaction<T>(fn: (tx: TSqlClient) => Promise<T>): Promise<T> {
      await client.query('BEGIN');
      try {
        const result = await fn(self);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    close: () => client.end(),
  };
  return self;
}
