import { createAccessRequest } from '@/lib/access/create-access-request';
import { ZCreateAccessRequest } from '@/lib/access/access-schemas';
import { listAccessRequests } from '@/lib/access/list-access-requests';
import { withAuth } from '@/lib/http/with-auth';
import { created } from './_lib/created';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor, request }) =>
  listAccessRequests(actor, Object.fromEntries(new URL(request.url).searchParams)),
);
export const POST = created(
  withAuth(({ actor, body }) => createAccessRequest(actor, body), { body: ZCreateAccessRequest }),
);
