import { getApprovalReview } from '@/lib/access/get-approval-review';
import { withAuth } from '@/lib/http/with-auth';
import { idParam } from '../../_lib/id-param';

export const dynamic = 'force-dynamic';

/** What an approver reads before deciding: diff, what-if per pair, team grants, policy size after approval. */
export const GET = withAuth(({ actor, params }) => getApprovalReview(actor, idParam(params)), {
  permission: 'requests:decide',
});
