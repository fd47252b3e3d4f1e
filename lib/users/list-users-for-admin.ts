import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { loadAdminUsers, type TAdminUser } from './admin-user-view';

/** Every portal user, disabled ones included, with roles, teams and sign-in state. */
export async function listUsersForAdmin(actor: TActor, db?: TDb): Promise<TAdminUser[]> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  return client.$transaction((tx) => loadAdminUsers(tx, actor));
}
