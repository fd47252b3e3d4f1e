import { withAuth } from '@/lib/http/with-auth';
import { movePrincipal, ZMovePrincipal } from '@/lib/teams/move-principal';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, body }) => movePrincipal(actor, body), {
  permission: 'admin:manage',
  body: ZMovePrincipal,
});
