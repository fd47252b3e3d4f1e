import { withAuth } from '@/lib/http/with-auth';
import { addTeamAccount, ZAddTeamAccount } from '@/lib/teams/add-team-account';
import { removeTeamAccount, ZRemoveTeamAccount } from '@/lib/teams/remove-team-account';
import { slugParam } from '../../../_lib/slug-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params, body }) => addTeamAccount(actor, slugParam(params), body), {
  permission: 'admin:manage',
  body: ZAddTeamAccount,
});
export const DELETE = withAuth(
  ({ actor, params, body }) => removeTeamAccount(actor, slugParam(params), body),
  {
    permission: 'admin:manage',
    body: ZRemoveTeamAccount,
  },
);
