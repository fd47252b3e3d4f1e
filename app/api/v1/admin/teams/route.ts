import { withAuth } from '@/lib/http/with-auth';
import { createTeam, ZCreateTeam } from '@/lib/teams/create-team';
import { listTeamsForAdmin } from '@/lib/teams/list-teams-for-admin';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => listTeamsForAdmin(actor), { permission: 'admin:manage' });
export const POST = withAuth(({ actor, body }) => createTeam(actor, body), {
  permission: 'admin:manage',
  body: ZCreateTeam,
});
