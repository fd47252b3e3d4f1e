import { withAuth } from '@/lib/http/with-auth';
import { getRequestTimeline } from '@/lib/provisioning/get-request-timeline';
import { idParam } from '../../_lib/id-param';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor, params }) => getRequestTimeline(actor, idParam(params)));
