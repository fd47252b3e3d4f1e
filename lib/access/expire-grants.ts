import { resolveDb, type TDb } from '@/lib/db';
import { endGrantsInTx } from './revoke-grants-in-tx';

/**
 * The expiry sweep (run by the scheduler): every grant past its expiresAt becomes EXPIRED and one run recompiles the
 * policy without them. Idempotent and safe on several instances: a grant already ended is skipped.
 */
export async function expireGrants(
  options: { db?: TDb; now?: Date } = {},
): Promise<{ expired: number; runId: string | null }> {
  const db = await resolveDb(options.db);
  const now = options.now ?? new Date();
  const due = await db.grant.findMany({
    where: { status: { in: ['ACTIVE', 'PENDING'] }, expiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  });
  if (due.length === 0) return { expired: 0, runId: null };
  const out = await db.$transaction((tx) =>
    endGrantsInTx(tx, {
      grantIds: due.map((g) => g.id),
      status: 'EXPIRED',
      actor: { label: 'system' },
      now,
      action: 'grant.expire',
    }),
  );
  return { expired: out.ended, runId: out.runId };
}
