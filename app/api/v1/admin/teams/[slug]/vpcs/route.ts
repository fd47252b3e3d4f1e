import { withAuth } from '@/lib/http/with-auth';
import { addTeamVpc, ZAddTeamVpc } from '@/lib/teams/add-team-vpc';
import { removeTeamVpc, ZRemoveTeamVpc } from '@/lib/teams/remove-team-vpc';
import { updateTeamVpc, ZUpdateTeamVpc } from '@/lib/teams/update-team-vpc';
import { slugParam } from '../../../_lib/slug-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params, body }) => addTeamVpc(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZAddTeamVpc,
});
export const PATCH = withAuth(({ actor, params, body }) => updateTeamVpc(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZUpdateTeamVpc,
});
export const DELETE = withAuth(({ actor, params, body }) => removeTeamVpc(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZRemoveTeamVpc,
});
