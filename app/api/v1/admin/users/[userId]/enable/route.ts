import { withAuth } from '@/lib/http/with-auth';
import { enableUser } from '@/lib/users/enable-user';
import { userIdParam } from '../../_lib/user-id-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params }) => enableUser(actor, { userId: userIdParam(params) }), {
  permission: 'admin:manage',
});
