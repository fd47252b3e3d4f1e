import { getDb, type TDb } from '@/lib/db';

/** Operations take an optional database handle so tests (and the CLI) can pass their own; the app uses the shared one. */
export async function resolveDb(db?: TDb): Promise<TDb> {
  return db ?? (await getDb());
}
