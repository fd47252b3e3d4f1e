import { ZPreviewAccessRequest } from '@/lib/access/access-schemas';
import { previewAccessRequest } from '@/lib/access/preview-access-request';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

/** The effect of a request before it is submitted (nothing is written). */
export const POST = withAuth(({ actor, body }) => previewAccessRequest(actor, body), {
  body: ZPreviewAccessRequest,
});
