import { getAccessRequest } from '@/lib/access/get-access-request';
import { withAuth } from '@/lib/http/with-auth';
import { idParam } from '../_lib/id-param';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor, params }) => getAccessRequest(actor, idParam(params)));
