import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { withAuth } from '@/lib/http/with-auth';
import { retryProvisioningRun } from '@/lib/provisioning/retry-provisioning-run';

export const dynamic = 'force-dynamic';

export const POST = withAuth(
  ({ actor, params }) => {
    const id = params.id;
    if (typeof id !== 'string' || !id || id.length > 64) throw new AppError('BAD_REQUEST', 'Missing run id');
    return retryProvisioningRun(actor, id);
  },
  { body: z.object({}).passthrough(), permission: 'estate:read' },
);
