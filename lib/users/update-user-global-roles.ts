import { z } from 'zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { resolveDb, type TDb } from '@/lib/db';
import { loadAdminUser, type TAdminUser } from './admin-user-view';
import { assertAdminRemains } from './assert-admin-remains';
import { getUserOrThrow } from './get-user-or-throw';
import { ZGlobalRoles, ZUserId } from './user-schemas';

/** The request body of the roles route (the user comes from the path). */
export const ZUserGlobalRolesBody = z.object({ roles: ZGlobalRoles });
export const ZUpdateUserGlobalRoles = ZUserGlobalRolesBody.extend({ userId: ZUserId });
export type TUpdateUserGlobalRoles = z.input<typeof ZUpdateUserGlobalRoles>;

/**
 * Sets a person's global roles. For people who sign in with OIDC this lasts until their next sign-in, when the
 * IdP's groups replace the roles again; the change still takes effect at their next request.
 */
export async function updateUserGlobalRoles(
  actor: TActor,
  input: TUpdateUserGlobalRoles,
  db?: TDb,
): Promise<TAdminUser> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUpdateUserGlobalRoles, input, 'roles');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, data.userId);
    const before = [...user.globalRoles].sort();
    if (before.join(',') !== data.roles.join(',')) {
      if (before.includes('ADMIN') && !data.roles.includes('ADMIN'))
        await assertAdminRemains(tx, actor, user, 'remove-admin');
      await tx.user.update({
        where: { id: user.id },
        data: { globalRoles: data.roles },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'user.roles',
        targetType: 'user',
        targetId: user.email,
        details: { email: user.email, from: before, to: data.roles },
      });
    }
    return loadAdminUser(tx, actor, user.id);
  });
}
