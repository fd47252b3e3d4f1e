/**
 * Prisma's schema engine, compiled to WebAssembly, used to compute migration SQL. The Prisma CLI would download
 * a native engine from a host these machines cannot reach, so `migrate diff` goes through this package instead.
 *
 * Its entry point (`schema_engine.js`) imports the `.wasm` file as an ES module, which Node cannot do, so the
 * module is instantiated here by hand with the package's own JS glue as its import object.
 * This is an internal Prisma API: callers must review the SQL it produces.
 */
import { readFile } from 'node:fs/promises';
import type * as SchemaEngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

type TBindings = typeof SchemaEngineBindings;
type TEngine = Awaited<ReturnType<TBindings['SchemaEngine']['new']>>;

let bindingsPromise: Promise<TBindings> | undefined;

async function loadBindings(): Promise<TBindings> {
  const require = createRequire(import.meta.url);
  // package.json is not exported; the glue file sits next to the .wasm.
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as TBindings & {
    __wbg_set_wasm: (w: unknown) => void;
  };
  const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
  const wasmModule = await WebAssembly.compile(bytes);
  // The wasm imports every glue function from the module "./schema_engine_bg.js".
  const imports: WebAssembly.Imports = {};
  for (const imp of WebAssembly.Module.imports(wasmModule)) {
    imports[imp.module] ??= {};
    (imports[imp.module] as Record<string, unknown>)[imp.name] = (glue as unknown as Record<string, unknown>)[
      imp.name
    ];
  }
  const instance = await WebAssembly.instantiate(wasmModule, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return glue;
}

function bindings(): Promise<TBindings> {
  bindingsPromise ??= loadBindings();
  return bindingsPromise;
}

async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: TEngine) => Promise<T>,
): Promise<T> {
  const b = await bindings();
  const logs: string[] = [];
  // The engine expects the factory in Prisma's internal "bound" form (methods returning Result objects).
  const bound = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine = await b.SchemaEngine.new({ datamodels: undefined }, (msg: string) => logs.push(msg), bound);
  try {
    return await fn(engine);
  } catch (error) {
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`schema engine failed: ${message}`, { cause: error });
  } finally {
    engine.free();
  }
}

const noFilters = { externalTables: [], externalEnums: [] };

type TMigrationList = Parameters<TEngine['applyMigrations']>[0]['migrationsList'];

/** The migrations folder in the engine's input shape, as the Prisma CLI would load it. */
export async function loadMigrationList(migrationsDir: string): Promise<TMigrationList> {
  const { readMigrations } = await import('./migrations-dir');
  const files = await readMigrations(migrationsDir);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lock = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories: files.map((f) => ({
      path: f.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: f.sql } },
    })),
  };
}

/**
 * Prisma's own view of a database's migration history (what `prisma migrate status` reports), through the given
 * adapter. Used by tests to prove Prisma accepts the rows this project's migrator writes.
 */
export async function diagnoseMigrationHistory(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
) {
  const migrationsList = await loadMigrationList(migrationsDir);
  return withEngine(adapter, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilters }),
  );
}

/**
 * SQL that turns a database shaped like `fromSchema` (null = empty database) into one shaped like `toSchema`.
 * Returns '' when there is nothing to do.
 */
export async function diffSchemas(
  fromSchema: string | null,
  toSchema: string,
  adapter?: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  // The engine connects at start-up even for a schema-only diff; a throwaway in-memory PGlite satisfies it.
  const scratch = adapter ? undefined : await openScratchPglite();
  try {
    return await withEngine(adapter ?? scratch!.adapter, (engine) => diffWith(engine, fromSchema, toSchema));
  } finally {
    await scratch?.close();
  }
}

async function openScratchPglite() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const pglite = new PGlite();
  return { adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
}

async function diffWith(engine: TEngine, fromSchema: string | null, toSchema: string): Promise<string> {
  const from: Parameters<TEngine['diff']>[0]['from'] =
    fromSchema === null
      ? { tag: 'empty' }
      : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fromSchema }] };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: toSchema }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  const sql = result.stdout ?? '';
  return /^-- This is an empty migration\.?\s*$/.test(sql.trim()) ? '' : sql;
}

/** What `prisma migrate deploy` does, through the given adapter: applies pending migrations, returns their names. */
export async function applyMigrationsWithPrisma(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
): Promise<string[]> {
  const migrationsList = await loadMigrationList(migrationsDir);
  const out = await withEngine(adapter, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return out.appliedMigrationNames;
}
