import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { getMigrationStatus, migrateDatabase, type TMigrationStatus } from '@/lib/db/migrate';
import { seedDemoData } from '@/lib/db/seed';
import { connectPostgres, sqlClientFromPglite, type TSqlClient } from '@/lib/db/sql-client';
import { withCliDatabase } from '../database';
import type { TCliCommand, TCliIo } from '../types';

/** Runs fn on a raw SQL connection: PostgreSQL directly, or the embedded database (possibly via the portal). */
async function withSql(name: string, argv: string[], io: TCliIo, fn: (sql: TSqlClient) => Promise<number>) {
  const url = env().DATABASE_URL;
  if (url) {
    const sql = await connectPostgres(url);
    try {
      return await fn(sql);
    } finally {
      await sql.close();
    }
  }
  return withCliDatabase(
    name,
    argv,
    async (_db, handle) => {
      if (!handle.pglite) throw new Error('expected the embedded database');
      return fn(sqlClientFromPglite(handle.pglite));
    },
    { io, migrate: false },
  );
}

function printStatus(io: TCliIo, s: TMigrationStatus): void {
  for (const a of s.applied) io.stdout(`applied   ${a.name}  (${a.finishedAt.toISOString()})`);
  for (const p of s.pending) io.stdout(`pending   ${p}`);
  for (const m of s.modified) io.stdout(`MODIFIED  ${m}  (the file changed after it was applied)`);
  for (const f of s.failed) io.stdout(`FAILED    ${f}  (started, never finished)`);
  for (const u of s.unknown) io.stdout(`unknown   ${u}  (in the database, not in prisma/migrations)`);
}

const noOptions = (argv: string[]) => parseArgs({ args: argv, options: {}, allowPositionals: false });

export const dbCommands: TCliCommand[] = [
  {
    name: 'db migrate',
    summary: 'Apply pending migrations (PostgreSQL via DATABASE_URL, or the embedded database)',
    usage: 'db migrate',
    async run(argv, io) {
      noOptions(argv);
      return withSql('db migrate', argv, io, async (sql) => {
        const result = await migrateDatabase(sql, { log: (l) => io.stdout(l) });
        io.stdout(
          result.applied.length === 0
            ? `Database is up to date (${result.alreadyApplied} migrations applied).`
            : `Applied ${result.applied.length} migration(s).`,
        );
        return 0;
      });
    },
  },
  {
    name: 'db status',
    summary: 'List applied and pending migrations; exit 1 when the database is not up to date',
    usage: 'db status',
    async run(argv, io) {
      noOptions(argv);
      return withSql('db status', argv, io, async (sql) => {
        const status = await getMigrationStatus(sql);
        printStatus(io, status);
        const clean = status.pending.length + status.modified.length + status.failed.length === 0;
        io.stdout(clean ? 'Database schema is up to date.' : 'Database schema is NOT up to date.');
        return clean ? 0 : 1;
      });
    },
  },
  {
    name: 'db seed',
    summary: 'Insert or update the demo personas, teams, principals, VPCs, model catalog and price book',
    usage: 'db seed',
    async run(argv, io) {
      noOptions(argv);
      return withCliDatabase(
        'db seed',
        argv,
        async (db) => {
          const s = await seedDemoData(db);
          io.stdout(
            `Seeded ${s.users} users, ${s.teams} teams, ${s.accounts} accounts, ${s.principals} principals, ` +
              `${s.vpcs} VPCs, ${s.models} models, ${s.prices} prices.`,
          );
          return 0;
        },
        { io },
      );
    },
  },
];
