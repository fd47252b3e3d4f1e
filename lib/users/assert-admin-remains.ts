import type { TDbTx } from '@/lib/db';
import type { TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import type { TUserState } from './get-user-or-throw';

export type TAdminLoss = 'disable' | 'remove-admin';

/**
 * Lock-out protection, called before a change that takes ADMIN away from `target` (by disabling them or removing
 * the role): an admin cannot do it to themselves, and the last enabled admin cannot lose it at all.
 */
export async function assertAdminRemains(
  tx: TDbTx,
  actor: TActor,
  target: TUserState,
  loss: TAdminLoss,
): Promise<void> {
  if (!actor.system && actor.userId === target.id) {
    throw new AppError(
      'CONFLICT',
      loss === 'disable'
        ? 'You cannot disable your own account; ask another admin'
        : 'You cannot remove your own ADMIN role; ask another admin',
      { details: { userId: target.id, reason: 'self' } },
    );
  }
  if (target.disabled || !target.globalRoles.includes('ADMIN')) return;
  // Lock every enabled admin row: two admins demoting each other concurrently must not both see "one left".
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE NOT disabled AND 'ADMIN'::"GlobalRole" = ANY("globalRoles") FOR UPDATE`;
  if (admins.every((a) => a.id === target.id)) {
    throw new AppError(
      'CONFLICT',
      loss === 'disable'
        ? `${target.email} is the last enabled admin and cannot be disabled; make someone else an admin first`
        : `${target.email} is the last enabled admin and cannot lose the ADMIN role; make someone else an admin first`,
      { details: { userId: target.id, reason: 'last-admin' } },
    );
  }
}
