import { getCurrentActor } from '@/lib/auth/current-actor';
import { toChargebackCsv } from '@/lib/chargeback/chargeback-csv';
import { getChargebackReport } from '@/lib/chargeback/get-chargeback-report';
import { AppError } from '@/lib/errors/app-error';
import { problemResponse } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

/** CSV download of a month's report, the same lines the page and JSON API show. */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const month = url.searchParams.get('month') ?? '';
    const report = await getChargebackReport(actor, { month });
    return new Response(toChargebackCsv(report), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="chargeback-${report.month}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return problemResponse(error, url.pathname);
  }
}
