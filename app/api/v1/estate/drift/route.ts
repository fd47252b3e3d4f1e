import { withAuth } from '@/lib/http/with-auth';
import { resolveDrift, ZResolveDrift } from '@/lib/provisioning/resolve-drift';

export const dynamic = 'force-dynamic';

/** `{decision: 'reapply' | 'adopt'}` on the open drift (or a first contact's imported policy). Admins. */
export const POST = withAuth(({ actor, body }) => resolveDrift(actor, body), {
  body: ZResolveDrift,
  permission: 'admin:manage',
});
