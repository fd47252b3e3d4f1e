import { withAuth } from '@/lib/http/with-auth';
import { getOrgUsage } from '@/lib/usage/get-org-usage';
import { ZUsageRange } from '@/lib/usage/query-rollups';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor, query }) => getOrgUsage(actor, query), { query: ZUsageRange });
