/**
 * How a CLI command reaches the database, so commands work whether the portal is running or not:
 * - DATABASE_URL set: connect to PostgreSQL directly;
 * - embedded PGlite held by a running portal: forward the command to it (POST /api/internal/cli);
 * - otherwise: open PGlite directly (taking its lock for the duration of the command).
 */
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { openDatabase, pgliteDirFor, type TOpenDatabase } from '@/lib/db/open-database';
import { readRunningPortal, type TRunningPortal } from '@/lib/db/portal-registry';
import { isInPortalContext } from './portal-context';
import type { TCliIo } from './types';

export interface TCliDatabaseOptions {
  io: TCliIo;
  /**
   * Paths named on the command line that the command will read with io.readFile. When the command is forwarded
   * they are read here and shipped with it: the portal never reads a caller's paths.
   */
  files?: string[];
  /** Apply pending migrations when opening PGlite directly (default true; `db migrate`/`db status` pass false). */
  migrate?: boolean;
}

export interface TCliRequestBody {
  command: string;
  argv: string[];
  files: Record<string, string>;
}

export interface TCliResponseBody {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function withCliDatabase(
  commandName: string,
  argv: string[],
  fn: (db: PrismaClient, handle: TOpenDatabase) => Promise<number>,
  options: TCliDatabaseOptions,
): Promise<number> {
  if (isInPortalContext()) {
    // Forwarded: run against the portal's own database, which stays open.
    const { getOpenDatabase } = await import('@/lib/db');
    const handle = await getOpenDatabase();
    return fn(handle.db, handle);
  }
  const e = env();
  if (e.DATABASE_URL) {
    const handle = await openDatabase({ url: e.DATABASE_URL });
    try {
      return await fn(handle.db, handle);
    } finally {
      await handle.close();
    }
  }
  const portal = readRunningPortal(e.PORTAL_DATA_DIR);
  if (portal) return forwardToPortal(portal, commandName, argv, options);
  const handle = await openDatabase({
    dataDir: pgliteDirFor(e.PORTAL_DATA_DIR),
    migrate: options.migrate ?? true,
  });
  try {
    return await fn(handle.db, handle);
  } finally {
    await handle.close();
  }
}

export async function forwardToPortal(
  portal: TRunningPortal,
  commandName: string,
  argv: string[],
  options: TCliDatabaseOptions,
): Promise<number> {
  const files: Record<string, string> = {};
  for (const p of options.files ?? []) files[p] = await options.io.readFile(p);
  const body: TCliRequestBody = { command: commandName, argv, files };
  let response: Response;
  try {
    response = await fetch(`${portal.url}/api/internal/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${portal.token}` },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `The portal (pid ${portal.pid}) holds the embedded database but did not answer at ${portal.url}: ` +
        `${error instanceof Error ? error.message : String(error)}. Wait for it to start, or stop it.`,
      { cause: error },
    );
  }
  const text = await response.text();
  let result: TCliResponseBody;
  try {
    result = JSON.parse(text) as TCliResponseBody;
  } catch {
    throw new AppError('UNAVAILABLE', `The portal answered ${response.status} with a non-JSON body`);
  }
  if (!response.ok && typeof result.exitCode !== 'number') {
    throw new AppError(
      'UNAVAILABLE',
      `The portal refused the command (${response.status}): ${text.slice(0, 300)}`,
    );
  }
  if (result.stdout) options.io.stdout(result.stdout);
  if (result.stderr) options.io.stderr(result.stderr);
  return result.exitCode;
}
