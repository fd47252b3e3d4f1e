import { z } from 'zod';
import { getChargebackReport } from '@/lib/chargeback/get-chargeback-report';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM') });

/** GET /api/v1/chargeback?month=YYYY-MM — scoped inside the operation (finance/admin all, leads their teams). */
export const GET = withAuth(({ actor, query }) => getChargebackReport(actor, { month: query.month }), {
  query: ZQuery,
});
