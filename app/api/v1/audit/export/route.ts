import { exportAuditEventsCsv } from '@/lib/audit/export-audit-events';
import { ZAuditQuery } from '@/lib/audit/list-audit-events';
import { appErrorFromZod } from '@/lib/errors/from-zod';
import { authenticateRequest, problemResponse } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

/** CSV download of the audit log (same filters as /audit). Not JSON, so it maps errors itself, like withAuth. */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const { actor } = await authenticateRequest(request);
    const parsed = ZAuditQuery.omit({ limit: true }).safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw appErrorFromZod(parsed.error, 'query');
    const { csv, truncated } = await exportAuditEventsCsv(actor, parsed.data);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
        ...(truncated ? { 'x-truncated': 'true' } : {}),
      },
    });
  } catch (error) {
    return problemResponse(error, url.pathname);
  }
}
