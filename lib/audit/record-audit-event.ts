import type { Prisma } from '@/lib/generated/prisma/client';
import { GENESIS_HASH, hashAuditEvent } from './audit-chain';

/** Who did it: a signed-in user (id + email), or the system / CLI (label only). */
export interface TAuditActor {
  userId?: string | null;
  /** Email of the user, or 'system' / 'cli'. */
  label: string;
}

export interface TAuditEventInput {
  actor: TAuditActor;
  /** `<noun>.<verb>`, e.g. 'team.create', 'grant.revoke'. */
  action: string;
  targetType: string;
  targetId: string;
  teamId?: string | null;
  details?: Record<string, unknown>;
}

// Keys whose values must never reach the audit log, whatever a caller passes.
const SECRET_KEY =
  /secret|password|passwd|token|credential|authorization|cookie|private[-_]?key|session[-_]?token|access[-_]?key/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1),
      ]),
    );
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * Locks the chain head for the rest of the transaction (creating it on first use) and returns it. The row lock is
 * what makes concurrent writers, on any number of instances, append one after another instead of forking.
 */
async function lockChainHead(tx: Prisma.TransactionClient): Promise<{ seq: bigint; hash: string }> {
  await tx.$executeRaw`INSERT INTO "AuditChainHead" ("id", "seq", "hash", "startedAt", "updatedAt")
    VALUES (1, 0, ${GENESIS_HASH}, now(), now()) ON CONFLICT ("id") DO NOTHING`;
  const rows = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT "seq", "hash" FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE`;
  const head = rows[0];
  if (!head) throw new Error('audit chain head is missing');
  return { seq: BigInt(head.seq), hash: head.hash };
}

/**
 * Appends an audit event to the hash chain. Call it with the transaction client of the change it records, so the
 * event exists if and only if the change committed. Details are redacted by key name as a last line of defence:
 * callers must still never pass secrets. The chain head stays locked until the transaction ends, so record the
 * event last in the transaction where you can.
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  input: TAuditEventInput,
): Promise<{ id: string }> {
  const details = JSON.parse(JSON.stringify(redact(input.details ?? {}))) as Prisma.InputJsonObject;
  const head = await lockChainHead(tx);
  const seq = head.seq + 1n;
  // Millisecond precision: what timestamp(3) stores, so the hash recomputes from the stored row.
  const at = new Date();
  const content = {
    seq,
    prevHash: head.hash,
    at,
    actorId: input.actor.userId ?? null,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    teamId: input.teamId ?? null,
    details,
  };
  const hash = hashAuditEvent(content);
  const created = await tx.auditEvent.create({
    data: { ...content, hash },
    select: { id: true },
  });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { seq, hash }, select: { id: true } });
  return created;
}
