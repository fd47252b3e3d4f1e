import { ZBulkApproveBody } from '@/lib/access/access-schemas';
import { bulkApproveAccessRequests } from '@/lib/access/bulk-approve-access-requests';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, body }) => bulkApproveAccessRequests(actor, body), {
  permission: 'requests:decide',
  body: ZBulkApproveBody,
});
