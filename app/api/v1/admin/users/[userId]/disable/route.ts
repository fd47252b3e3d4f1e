import { withAuth } from '@/lib/http/with-auth';
import { disableUser } from '@/lib/users/disable-user';
import { userIdParam } from '../../_lib/user-id-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params }) => disableUser(actor, { userId: userIdParam(params) }), {
  permission: 'admin:manage',
});
