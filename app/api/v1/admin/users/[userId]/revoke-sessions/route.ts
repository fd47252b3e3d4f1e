import { withAuth } from '@/lib/http/with-auth';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { userIdParam } from '../../_lib/user-id-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(
  ({ actor, params }) => revokeUserSessions(actor, { userId: userIdParam(params) }),
  { permission: 'admin:manage' },
);
