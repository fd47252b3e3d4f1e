import { ZApproveBody } from '@/lib/access/access-schemas';
import { approveAccessRequest } from '@/lib/access/approve-access-request';
import { withAuth } from '@/lib/http/with-auth';
import { idParam } from '../../_lib/id-param';

export const dynamic = 'force-dynamic';

export const POST = withAuth(
  async ({ actor, params, body }) => {
    const { request, runId } = await approveAccessRequest(actor, idParam(params), body);
    return { ...request, runId };
  },
  { permission: 'requests:decide', body: ZApproveBody },
);
