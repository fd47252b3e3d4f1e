import { withAuth } from '@/lib/http/with-auth';
import { addTeamMember, ZAddTeamMember } from '@/lib/teams/add-team-member';
import { removeTeamMember, ZRemoveTeamMember } from '@/lib/teams/remove-team-member';
import { updateTeamMemberRole, ZUpdateTeamMemberRole } from '@/lib/teams/update-team-member-role';
import { slugParam } from '../../../_lib/slug-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params, body }) => addTeamMember(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZAddTeamMember,
});
export const PATCH = withAuth(
  ({ actor, params, body }) => updateTeamMemberRole(actor, slugParam(params), body),
  {
    permission: 'admin:manage',
    body: ZUpdateTeamMemberRole,
  },
);
export const DELETE = withAuth(
  ({ actor, params, body }) => removeTeamMember(actor, slugParam(params), body),
  {
    permission: 'admin:manage',
    body: ZRemoveTeamMember,
  },
);
