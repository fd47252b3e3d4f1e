import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZEmail, ZPersonName, ZTeamRoleInput } from './team-schemas';

export const ZAddTeamMember = z.object({
  email: ZEmail,
  /** Needed only when the e-mail is not a portal user yet: the user is then created. */
  name: ZPersonName.optional(),
  role: ZTeamRoleInput.default('MEMBER'),
});
export type TAddTeamMember = z.input<typeof ZAddTeamMember>;

export interface TTeamMemberView {
  email: string;
  name: string;
  role: 'LEAD' | 'MEMBER';
  userCreated: boolean;
}

export async function addTeamMember(
  actor: TActor,
  slug: string,
  input: TAddTeamMember,
  db?: TDb,
): Promise<TTeamMemberView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZAddTeamMember, input, 'member');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    let user = await tx.user.findUnique({
      where: { email: data.email },
      select: { id: true, name: true, email: true },
    });
    let userCreated = false;
    if (!user) {
      if (!data.name) {
        throw new AppError(
          'VALIDATION',
          `No portal user has the e-mail ${data.email}; give their name to create one`,
          {
            issues: [{ path: 'name', message: 'is required for a person who has not used the portal yet' }],
          },
        );
      }
      user = await tx.user.create({
        data: { email: data.email, name: data.name },
        select: { id: true, name: true, email: true },
      });
      userCreated = true;
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'user.create',
        targetType: 'user',
        targetId: user.email,
        teamId: team.id,
        details: { email: user.email, name: user.name },
      });
    }
    const existing = await tx.teamMembership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      select: { role: true },
    });
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `${user.email} is already a ${existing.role.toLowerCase()} of "${slug}"`,
        {
          issues: [{ path: 'email', message: 'is already on this team' }],
        },
      );
    }
    await tx.teamMembership.create({
      data: { teamId: team.id, userId: user.id, role: data.role },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.member.add',
      targetType: 'user',
      targetId: user.email,
      teamId: team.id,
      details: { email: user.email, role: data.role, userCreated },
    });
    return { email: user.email, name: user.name, role: data.role, userCreated };
  });
}
