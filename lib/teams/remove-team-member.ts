import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZEmail } from './team-schemas';

export const ZRemoveTeamMember = z.object({ email: ZEmail });
export type TRemoveTeamMember = z.input<typeof ZRemoveTeamMember>;

/** Removes the membership only; the user keeps their account and other teams. */
export async function removeTeamMember(
  actor: TActor,
  slug: string,
  input: TRemoveTeamMember,
  db?: TDb,
): Promise<{ email: string }> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZRemoveTeamMember, input, 'member');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const membership = await tx.teamMembership.findFirst({
      where: { teamId: team.id, user: { email: data.email } },
      select: { id: true, role: true },
    });
    if (!membership) throw new AppError('NOT_FOUND', `${data.email} is not a member of "${slug}"`);
    await tx.teamMembership.delete({ where: { id: membership.id }, select: { id: true } });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.member.remove',
      targetType: 'user',
      targetId: data.email,
      teamId: team.id,
      details: { email: data.email, role: membership.role },
    });
    return { email: data.email };
  });
}
