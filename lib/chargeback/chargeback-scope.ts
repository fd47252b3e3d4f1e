/**
 * Whose chargeback (and budgets) an actor may read: finance and admins every team; a team lead their own teams;
 * approvers and members none (approvers see usage, not money, unless they are also finance).
 */
import { assertCan, can, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

export function chargebackScope(actor: TActor): 'all' | string[] {
  if (can(actor, 'chargeback:read')) return 'all';
  const led = actor.teams
    .filter((t) => can(actor, 'chargeback:read', { teamId: t.teamId }))
    .map((t) => t.teamId);
  if (led.length === 0) {
    throw new AppError('FORBIDDEN', 'You do not have permission to read chargeback reports', {
      details: { permission: 'chargeback:read' },
    });
  }
  return led;
}

/** Closing months, editing prices, shared costs and budgets: finance and admins. */
export function assertChargebackAdmin(actor: TActor): void {
  assertCan(actor, 'chargeback:read');
  if (!actor.globalRoles.some((r) => r === 'FINANCE' || r === 'ADMIN')) {
    throw new AppError('FORBIDDEN', 'Only finance and admins manage chargeback');
  }
}
