import { z } from 'zod';
import { withAuth } from '@/lib/http/with-auth';
import { reconcileEstate } from '@/lib/provisioning/reconcile-estate';

export const dynamic = 'force-dynamic';

/** "Check now": compares the live estate with the desired state and records drift. */
export const POST = withAuth(({ actor }) => reconcileEstate(actor), {
  body: z.object({}).passthrough(),
  permission: 'estate:read',
});
