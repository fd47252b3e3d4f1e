import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { resolveDb, type TDb } from '@/lib/db';
import { loadAdminUser, type TAdminUser } from './admin-user-view';
import { assertAdminRemains } from './assert-admin-remains';
import { getUserOrThrow } from './get-user-or-throw';
import { ZUserRef, type TUserRef } from './user-schemas';

/**
 * Disables a person and revokes every session of theirs in the same transaction: they are signed out at their
 * next request and cannot sign in again until enabled.
 */
export async function disableUser(actor: TActor, input: TUserRef, db?: TDb): Promise<TAdminUser> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUserRef, input, 'user');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, data.userId);
    if (!user.disabled) {
      await assertAdminRemains(tx, actor, user, 'disable');
      await tx.user.update({ where: { id: user.id }, data: { disabled: true }, select: { id: true } });
      const revoked = await tx.session.updateMany({
        // Expired sessions are already rejected; counting only live ones keeps the audited number honest.
        where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { revokedAt: new Date() },
      });
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'user.disable',
        targetType: 'user',
        targetId: user.email,
        details: { email: user.email, sessionsRevoked: revoked.count },
      });
    }
    return loadAdminUser(tx, actor, user.id);
  });
}
