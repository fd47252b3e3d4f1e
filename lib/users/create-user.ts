import { z } from 'zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { resolveDb, type TDb } from '@/lib/db';
import { loadAdminUser, type TAdminUser } from './admin-user-view';
import { ZEmail, ZGlobalRoles, ZPersonName } from './user-schemas';

export const ZCreateUser = z.object({
  email: ZEmail,
  name: ZPersonName,
  globalRoles: ZGlobalRoles.default([]),
});
export type TCreateUser = z.input<typeof ZCreateUser>;

/**
 * Adds a person who can then use development sign-in. With OIDC, people are created at their first sign-in and
 * need no row beforehand.
 */
export async function createUser(actor: TActor, input: TCreateUser, db?: TDb): Promise<TAdminUser> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZCreateUser, input, 'user');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) {
      throw new AppError('CONFLICT', `A user with the e-mail ${data.email} already exists`, {
        issues: [{ path: 'email', message: 'is already a portal user' }],
      });
    }
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, globalRoles: data.globalRoles },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'user.create',
      targetType: 'user',
      targetId: data.email,
      details: { email: data.email, name: data.name, globalRoles: data.globalRoles },
    });
    return loadAdminUser(tx, actor, user.id);
  });
}
