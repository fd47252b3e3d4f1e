import { listRequestModels } from '@/lib/access/list-request-models';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

/** The enabled catalog with each model's policyKey and its tier's rule. */
export const GET = withAuth(({ actor }) => listRequestModels(actor));
