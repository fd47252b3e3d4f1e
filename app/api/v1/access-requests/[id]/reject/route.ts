import { ZRejectBody } from '@/lib/access/access-schemas';
import { rejectAccessRequest } from '@/lib/access/reject-access-request';
import { withAuth } from '@/lib/http/with-auth';
import { idParam } from '../../_lib/id-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params, body }) => rejectAccessRequest(actor, idParam(params), body), {
  permission: 'requests:decide',
  body: ZRejectBody,
});
