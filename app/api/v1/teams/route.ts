import { z } from 'zod';
import { listRequestTeams } from '@/lib/access/list-request-teams';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = withAuth(({ actor, query }) => listRequestTeams(actor, query), { query: ZQuery });
