import { resolveDb, type TDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ZBulkApproveBody } from './access-schemas';
import { approveAccessRequest } from './approve-access-request';

export interface TBulkApproveResult {
  results: {
    id: string;
    ok: boolean;
    status?: string;
    runId?: string | null;
    error?: { code: string; message: string };
  }[];
}

/**
 * Approves several requests from the queue, each in its own transaction with the same rules as one approval
 * (so one refused request, e.g. the approver's own, never blocks the others). Results come back per request.
 */
export async function bulkApproveAccessRequests(
  actor: TActor,
  body: unknown,
  db?: TDb,
): Promise<TBulkApproveResult> {
  assertCan(actor, 'requests:decide');
  const { ids, comment } = parseOrThrow(ZBulkApproveBody, body, 'bulk approval');
  const client = await resolveDb(db);
  const results: TBulkApproveResult['results'] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const r = await approveAccessRequest(actor, id, { comment }, client);
      results.push({ id, ok: true, status: r.request.status, runId: r.runId });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ id, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return { results };
}
