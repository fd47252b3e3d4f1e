import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { GENESIS_HASH, hashAuditEvent } from './audit-chain';

export interface TAuditChainBrokenLink {
  id: string;
  seq: string | null;
  at: string;
  action: string;
  reason: string;
}

export interface TAuditChainVerification {
  ok: boolean;
  /** Chained events checked. */
  checked: number;
  /** Events written before the chain existed (no hash); allowed only before the first chained event. */
  unchained: number;
  headSeq: string;
  firstBroken: TAuditChainBrokenLink | null;
}

const BATCH = 1000;

/**
 * Walks the whole audit chain in seq order and recomputes every hash. It names the first link that does not hold:
 * an altered event (hash mismatch), a removed or reordered one (seq gap, prevHash mismatch), an event slipped in
 * without a hash, or a head that does not match the last event (events removed from the end).
 */
export async function verifyAuditChain(actor: TActor, client?: TDb): Promise<TAuditChainVerification> {
  assertCan(actor, 'audit:read');
  const db = await resolveDb(client);
  const head = await db.auditChainHead.findUnique({ where: { id: 1 }, select: { seq: true, hash: true } });
  const headSeq = head?.seq ?? 0n;
  const unchained = await db.auditEvent.count({ where: { seq: null } });
  const broken = (
    e: { id: string; seq: bigint | null; at: Date; action: string },
    reason: string,
    checked: number,
  ): TAuditChainVerification => ({
    ok: false,
    checked,
    unchained,
    headSeq: headSeq.toString(),
    firstBroken: {
      id: e.id,
      seq: e.seq?.toString() ?? null,
      at: e.at.toISOString(),
      action: e.action,
      reason,
    },
  });

  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let firstAt: Date | null = null;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: 'asc' },
      take: BATCH,
      select: {
        id: true,
        seq: true,
        at: true,
        actorId: true,
        actorLabel: true,
        action: true,
        targetType: true,
        targetId: true,
        teamId: true,
        details: true,
        prevHash: true,
        hash: true,
      },
    });
    for (const r of rows) {
      const seq = r.seq!;
      if (seq !== expectedSeq)
        return broken(r, `sequence gap: expected #${expectedSeq}, found #${seq} (events removed)`, checked);
      if (r.prevHash !== prevHash)
        return broken(r, 'previous-hash link does not match the event before it', checked);
      const recomputed = hashAuditEvent({
        seq,
        prevHash,
        at: r.at,
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        teamId: r.teamId,
        details: r.details,
      });
      if (recomputed !== r.hash) return broken(r, 'content does not match its hash (event altered)', checked);
      firstAt ??= r.at;
      prevHash = r.hash;
      expectedSeq = seq + 1n;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  if (firstAt) {
    const slipped = await db.auditEvent.findFirst({
      where: { seq: null, at: { gte: firstAt } },
      orderBy: { at: 'asc' },
      select: { id: true, seq: true, at: true, action: true },
    });
    if (slipped) return broken(slipped, 'event without a hash written after the chain started', checked);
  }
  const lastSeq = expectedSeq - 1n;
  if (lastSeq !== headSeq || (head && head.hash !== prevHash && lastSeq > 0n)) {
    return {
      ok: false,
      checked,
      unchained,
      headSeq: headSeq.toString(),
      firstBroken: {
        id: 'chain-head',
        seq: (lastSeq + 1n).toString(),
        at: new Date().toISOString(),
        action: '-',
        reason: `the chain head records #${headSeq} but the last event is #${lastSeq} (events removed from the end)`,
      },
    };
  }
  return { ok: true, checked, unchained, headSeq: headSeq.toString(), firstBroken: null };
}
