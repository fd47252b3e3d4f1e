/** One ingestion run's live progress (the upload progress bar polls it). Admins only. */
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { runSelect, toRunView, type TIngestionRunView } from './get-ingestion-status';

export async function getIngestionRun(
  actor: TActor,
  runId: number,
  dbHandle?: TDb,
): Promise<TIngestionRunView> {
  assertCan(actor, 'admin:manage');
  const db = await resolveDb(dbHandle);
  const run = await db.ingestionRun.findUnique({ where: { id: runId }, select: runSelect });
  if (!run) throw new AppError('NOT_FOUND', `Ingestion run ${runId} was not found`);
  return toRunView(run);
}
