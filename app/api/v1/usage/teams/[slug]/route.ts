import { withAuth } from '@/lib/http/with-auth';
import { getTeamUsage } from '@/lib/usage/get-team-usage';
import { ZUsageRange } from '@/lib/usage/query-rollups';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  ({ actor, query, params }) => getTeamUsage(actor, { ...query, slug: String(params.slug) }),
  { query: ZUsageRange },
);
