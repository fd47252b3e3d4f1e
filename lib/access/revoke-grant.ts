import { z } from 'zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { hasGlobalRole, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError, forbidden, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { endGrantsInTx } from './revoke-grants-in-tx';

export const ZRevokeGrant = z.object({
  grantId: z.string().min(1),
  reason: z.string().trim().max(1000).optional(),
});
export type TRevokeGrant = z.input<typeof ZRevokeGrant>;

/** Approvers and admins may revoke any grant; a team lead their own team's. */
export function canRevokeTeamGrants(actor: TActor, teamId: string): boolean {
  if (hasGlobalRole(actor, 'APPROVER') || hasGlobalRole(actor, 'ADMIN')) return true;
  return actor.teams.some((t) => t.teamId === teamId && t.role === 'LEAD');
}

/**
 * Revokes one grant now (it stops counting at once) and starts the run that removes it from the live policy.
 * Another active grant of the same principal and model keeps that access.
 */
export async function revokeGrant(
  actor: TActor,
  input: TRevokeGrant,
  options: { db?: TDb; now?: Date } = {},
): Promise<{ grantId: string; status: 'REVOKED'; runId: string }> {
  const v = parseOrThrow(ZRevokeGrant, input, 'revoke');
  const db = await resolveDb(options.db);
  const grant = await db.grant.findUnique({
    where: { id: v.grantId },
    select: { id: true, teamId: true, status: true },
  });
  if (!grant) throw notFound('Grant', { grantId: v.grantId });
  if (!canRevokeTeamGrants(actor, grant.teamId)) {
    if (!actor.teams.some((t) => t.teamId === grant.teamId) && !hasGlobalRole(actor, 'FINANCE')) {
      throw notFound('Grant', { grantId: v.grantId });
    }
    throw forbidden('Only approvers, admins and the team’s leads can revoke its grants');
  }
  if (grant.status !== 'ACTIVE' && grant.status !== 'PENDING') {
    throw new AppError('CONFLICT', `The grant is already ${grant.status.toLowerCase()}`, {
      details: { status: grant.status },
    });
  }
  const now = options.now ?? new Date();
  const out = await db.$transaction((tx) =>
    endGrantsInTx(tx, {
      grantIds: [grant.id],
      status: 'REVOKED',
      actor: auditActorOf(actor),
      reason: v.reason ?? null,
      now,
      action: 'grant.revoke',
    }),
  );
  if (!out.runId) throw new AppError('CONFLICT', 'The grant was ended concurrently');
  return { grantId: grant.id, status: 'REVOKED', runId: out.runId };
}
