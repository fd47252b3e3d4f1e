import type { TDbTx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { ACCESS_REQUEST_SELECT, type TAccessRequestRow } from './access-request-view';

/**
 * Locks the request row for the rest of the transaction (two approvers deciding at once are serialized, so a
 * second approval never counts twice) and loads it.
 */
export async function lockAccessRequest(tx: TDbTx, id: string): Promise<TAccessRequestRow> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "AccessRequest" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0)
    throw new AppError('NOT_FOUND', 'Access request was not found', { details: { id } });
  return tx.accessRequest.findUniqueOrThrow({ where: { id }, select: ACCESS_REQUEST_SELECT });
}
