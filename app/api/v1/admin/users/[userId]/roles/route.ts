import { withAuth } from '@/lib/http/with-auth';
import { updateUserGlobalRoles, ZUserGlobalRolesBody } from '@/lib/users/update-user-global-roles';
import { userIdParam } from '../../_lib/user-id-param';

export const dynamic = 'force-dynamic';

export const PATCH = withAuth(
  ({ actor, params, body }) =>
    updateUserGlobalRoles(actor, { userId: userIdParam(params), roles: body.roles }),
  {
    permission: 'admin:manage',
    body: ZUserGlobalRolesBody,
  },
);
