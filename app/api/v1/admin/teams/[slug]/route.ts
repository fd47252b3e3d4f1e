import { withAuth } from '@/lib/http/with-auth';
import { getTeamForAdmin } from '@/lib/teams/get-team-for-admin';
import { updateTeam, ZUpdateTeam } from '@/lib/teams/update-team';
import { slugParam } from '../../_lib/slug-param';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor, params }) => getTeamForAdmin(actor, slugParam(params)), {
  permission: 'admin:manage',
});
export const PATCH = withAuth(({ actor, params, body }) => updateTeam(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZUpdateTeam,
});
