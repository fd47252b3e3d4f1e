import type { Prisma } from '@/lib/generated/prisma/client';

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
 * Appends an audit event. Call it with the transaction client of the change it records, so the event exists
 * if and only if the change committed. Details are redacted by key name as a last line of defence: callers must
 * still never pass secrets.
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  input: TAuditEventInput,
): Promise<{ id: string }> {
  const details = JSON.parse(JSON.stringify(redact(input.details ?? {}))) as Prisma.InputJsonObject;
  return tx.auditEvent.create({
    data: {
      actorId: input.actor.userId ?? null,
      actorLabel: input.actor.label,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      teamId: input.teamId ?? null,
      details,
    },
    select: { id: true },
  });
}
