import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import type { TTeamMemberView } from './add-team-member';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZEmail, ZTeamRoleInput } from './team-schemas';

export const ZUpdateTeamMemberRole = z.object({ email: ZEmail, role: ZTeamRoleInput });
export type TUpdateTeamMemberRole = z.input<typeof ZUpdateTeamMemberRole>;

export async function updateTeamMemberRole(
  actor: TActor,
  slug: string,
  input: TUpdateTeamMemberRole,
  db?: TDb,
): Promise<TTeamMemberView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUpdateTeamMemberRole, input, 'member');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const membership = await tx.teamMembership.findFirst({
      where: { teamId: team.id, user: { email: data.email } },
      select: { id: true, role: true, user: { select: { email: true, name: true } } },
    });
    if (!membership) throw new AppError('NOT_FOUND', `${data.email} is not a member of "${slug}"`);
    if (membership.role !== data.role) {
      await tx.teamMembership.update({
        where: { id: membership.id },
        data: { role: data.role },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'team.member.role',
        targetType: 'user',
        targetId: membership.user.email,
        teamId: team.id,
        details: { email: membership.user.email, from: membership.role, to: data.role },
      });
    }
    return { email: membership.user.email, name: membership.user.name, role: data.role, userCreated: false };
  });
}
