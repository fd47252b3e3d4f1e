import { ZCancelBody } from '@/lib/access/access-schemas';
import { cancelAccessRequest } from '@/lib/access/cancel-access-request';
import { withAuth } from '@/lib/http/with-auth';
import { idParam } from '../../_lib/id-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, params, body }) => cancelAccessRequest(actor, idParam(params), body), {
  body: ZCancelBody,
});
