import { z } from 'zod';
import { withAuth } from '@/lib/http/with-auth';
import { listUnusedGrants } from '@/lib/usage/list-unused-grants';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  ({ actor, query }) => listUnusedGrants(actor, { teamId: query.teamId, days: query.days }),
  {
    query: z.object({
      teamId: z.string().min(1).optional(),
      days: z.coerce.number().int().min(1).max(365).optional(),
    }),
  },
);
