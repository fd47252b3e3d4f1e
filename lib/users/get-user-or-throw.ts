import type { TDbTx } from '@/lib/db';
import type { TGlobalRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

export interface TUserState {
  id: string;
  email: string;
  globalRoles: TGlobalRole[];
  disabled: boolean;
}

/** The user a people-administration operation acts on, or NOT_FOUND. */
export async function getUserOrThrow(tx: TDbTx, userId: string): Promise<TUserState> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, globalRoles: true, disabled: true },
  });
  if (!user) throw new AppError('NOT_FOUND', 'No such user', { details: { userId } });
  return { ...user, globalRoles: user.globalRoles as TGlobalRole[] };
}
