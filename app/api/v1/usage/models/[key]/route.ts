import { withAuth } from '@/lib/http/with-auth';
import { getModelUsage } from '@/lib/usage/get-model-usage';
import { ZUsageRange } from '@/lib/usage/query-rollups';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  ({ actor, query, params }) =>
    getModelUsage(actor, { ...query, model: decodeURIComponent(String(params.key)) }),
  { query: ZUsageRange },
);
