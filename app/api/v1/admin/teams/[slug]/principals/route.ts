import { withAuth } from '@/lib/http/with-auth';
import { addTeamPrincipal, ZAddTeamPrincipal } from '@/lib/teams/add-team-principal';
import { removePrincipalMapping, ZRemovePrincipalMapping } from '@/lib/teams/remove-principal-mapping';
import { slugParam } from '../../../_lib/slug-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params, body }) => addTeamPrincipal(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZAddTeamPrincipal,
});
export const DELETE = withAuth(
  ({ actor, params, body }) => removePrincipalMapping(actor, slugParam(params), body),
  {
    permission: 'admin:manage',
    body: ZRemovePrincipalMapping,
  },
);
