import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { auditActorOf } from '@/lib/audit/audit-actor';
import type { TTeamRef } from './create-team';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';

/**
 * Archives a team: it keeps its history (grants, usage, audit, principal mappings) but disappears from lists and
 * can no longer request access. Refused while it has pending requests or active grants: those would keep being
 * approvable, or keep access in the auth policy, for a team nobody sees any more.
 */
export async function archiveTeam(actor: TActor, slug: string, db?: TDb): Promise<TTeamRef> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const ref = await getTeamIdOrThrow(tx, slug);
    if (ref.archivedAt) throw new AppError('CONFLICT', `Team "${slug}" is already archived`);
    const pending = await tx.accessRequest.count({ where: { teamId: ref.id, status: 'PENDING' } });
    if (pending > 0) {
      throw new AppError(
        'CONFLICT',
        `Team "${slug}" has ${pending} pending access request(s); decide or cancel them first`,
        {
          details: { pendingRequests: pending },
        },
      );
    }
    const activeGrants = await tx.grant.count({ where: { teamId: ref.id, status: 'ACTIVE' } });
    if (activeGrants > 0) {
      throw new AppError(
        'CONFLICT',
        `Team "${slug}" has ${activeGrants} active grant(s); revoke them first`,
        {
          details: { activeGrants },
        },
      );
    }
    const team = await tx.team.update({
      where: { id: ref.id },
      data: { archivedAt: new Date() },
      select: { slug: true, name: true, costCenter: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.archive',
      targetType: 'team',
      targetId: team.slug,
      teamId: ref.id,
      details: {},
    });
    return { ...team, archived: true };
  });
}
