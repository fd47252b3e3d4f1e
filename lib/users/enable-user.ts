import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { resolveDb, type TDb } from '@/lib/db';
import { loadAdminUser, type TAdminUser } from './admin-user-view';
import { getUserOrThrow } from './get-user-or-throw';
import { ZUserRef, type TUserRef } from './user-schemas';

/** Lets a disabled person sign in again. Their old sessions stay revoked: they sign in afresh. */
export async function enableUser(actor: TActor, input: TUserRef, db?: TDb): Promise<TAdminUser> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUserRef, input, 'user');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, data.userId);
    if (user.disabled) {
      await tx.user.update({ where: { id: user.id }, data: { disabled: false }, select: { id: true } });
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'user.enable',
        targetType: 'user',
        targetId: user.email,
        details: { email: user.email },
      });
    }
    return loadAdminUser(tx, actor, user.id);
  });
}
