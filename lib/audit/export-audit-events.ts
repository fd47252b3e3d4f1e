import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { auditWhere } from './audit-filter';
import { csvDocument } from '@/lib/csv/csv';
import { ZAuditQuery, type TAuditQuery } from './list-audit-events';

const MAX_ROWS = 50_000;
const COLUMNS = ['at', 'actor', 'action', 'target_type', 'target_id', 'team', 'details'] as const;

/** The audit log as CSV for reviewers, with the same filters as the page, oldest first, capped at 50,000 rows. */
export async function exportAuditEventsCsv(
  actor: TActor,
  query: Omit<TAuditQuery, 'limit'>,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  assertCan(actor, 'audit:read');
  const q = ZAuditQuery.omit({ limit: true }).parse(query);
  const db = await getDb();
  const rows = await db.auditEvent.findMany({
    where: auditWhere(q),
    orderBy: { at: 'asc' },
    take: MAX_ROWS + 1,
    select: {
      at: true,
      actorLabel: true,
      action: true,
      targetType: true,
      targetId: true,
      details: true,
      team: { select: { slug: true } },
    },
  });
  const page = rows.slice(0, MAX_ROWS);
  const csv = csvDocument(
    COLUMNS,
    page.map((r) => [
      r.at.toISOString(),
      r.actorLabel,
      r.action,
      r.targetType,
      r.targetId,
      r.team?.slug ?? '',
      JSON.stringify(r.details),
    ]),
  );
  return { csv, rows: page.length, truncated: rows.length > MAX_ROWS };
}
