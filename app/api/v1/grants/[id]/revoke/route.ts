import { z } from 'zod';
import { revokeGrant } from '@/lib/access/revoke-grant';
import { AppError } from '@/lib/errors/app-error';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

const ZBody = z
  .object({ reason: z.string().max(1000).optional(), comment: z.string().max(1000).optional() })
  .strict();

export const POST = withAuth(
  ({ actor, params, body }) => {
    const id = params.id;
    if (typeof id !== 'string' || !id || id.length > 64)
      throw new AppError('BAD_REQUEST', 'Missing grant id');
    return revokeGrant(actor, { grantId: id, reason: body.reason ?? body.comment });
  },
  { body: ZBody },
);
