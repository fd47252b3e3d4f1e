import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { resolveDb, type TDb } from '@/lib/db';
import { loadAdminUser, type TAdminUser } from './admin-user-view';
import { getUserOrThrow } from './get-user-or-throw';
import { ZUserRef, type TUserRef } from './user-schemas';

export interface TRevokeUserSessionsResult {
  user: TAdminUser;
  /** Sessions that were still open and are now revoked. */
  revoked: number;
}

/** Signs a person out everywhere: every open session is revoked and rejected at its next request. */
export async function revokeUserSessions(
  actor: TActor,
  input: TUserRef,
  db?: TDb,
): Promise<TRevokeUserSessionsResult> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUserRef, input, 'user');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, data.userId);
    const revoked = await tx.session.updateMany({
      // Expired sessions are already rejected; counting only live ones keeps the audited number honest.
      where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'user.sessions.revoke',
      targetType: 'user',
      targetId: user.email,
      details: { email: user.email, sessionsRevoked: revoked.count },
    });
    return { user: await loadAdminUser(tx, actor, user.id), revoked: revoked.count };
  });
}
