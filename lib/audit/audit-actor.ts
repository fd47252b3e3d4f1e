import type { TAuditActor } from '@/lib/audit/record-audit-event';
import type { TActor } from '@/lib/auth/permissions';

/**
 * The audit identity of an actor. The CLI and system actors are not user rows, so they are recorded by label only;
 * a real user keeps the foreign key.
 */
export function auditActorOf(actor: TActor): TAuditActor {
  return actor.system ? { userId: null, label: actor.system } : { userId: actor.userId, label: actor.email };
}

/** The user id to store in created-by columns (null for CLI / system). */
export function userIdOf(actor: TActor): string | null {
  return actor.system ? null : actor.userId;
}
