import { withAuth } from '@/lib/http/with-auth';
import { archiveTeam } from '@/lib/teams/archive-team';
import { slugParam } from '../../../_lib/slug-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params }) => archiveTeam(actor, slugParam(params)), {
  permission: 'admin:manage',
});
