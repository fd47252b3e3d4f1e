import { withAuth } from '@/lib/http/with-auth';
import { createUser, ZCreateUser } from '@/lib/users/create-user';
import { listUsersForAdmin } from '@/lib/users/list-users-for-admin';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => listUsersForAdmin(actor), { permission: 'admin:manage' });
export const POST = withAuth(({ actor, body }) => createUser(actor, body), {
  permission: 'admin:manage',
  body: ZCreateUser,
});
