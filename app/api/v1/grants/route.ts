import { listGrants } from '@/lib/access/list-grants';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor, request }) =>
  listGrants(actor, Object.fromEntries(new URL(request.url).searchParams)),
);
