import { z } from 'zod';
import { closeChargebackMonth } from '@/lib/chargeback/close-chargeback-month';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

/** POST { month } — closes an ended month (finance, admins), storing its immutable snapshot. */
export const POST = withAuth(({ actor, body }) => closeChargebackMonth(actor, { month: body.month }), {
  permission: 'chargeback:read',
  body: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
});
