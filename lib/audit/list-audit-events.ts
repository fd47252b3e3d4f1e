import { z } from 'zod';
import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { auditWhere } from './audit-filter';

export const ZAuditQuery = z.object({
  action: z.string().max(100).optional(),
  team: z.string().max(100).optional(),
  before: z.string().datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export interface TAuditEventView {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  team: string | null;
  details: unknown;
}

/** The audit log, newest first, filterable by action prefix and team, paged by time. */
export async function listAuditEvents(
  actor: TActor,
  query: TAuditQuery,
): Promise<{ events: TAuditEventView[]; nextBefore: string | null }> {
  assertCan(actor, 'audit:read');
  const q = ZAuditQuery.parse(query);
  const db = await getDb();
  const rows = await db.auditEvent.findMany({
    where: auditWhere(q),
    orderBy: { at: 'desc' },
    take: q.limit + 1,
    select: {
      id: true,
      at: true,
      actorLabel: true,
      action: true,
      targetType: true,
      targetId: true,
      details: true,
      team: { select: { slug: true } },
    },
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      team: r.team?.slug ?? null,
      details: r.details,
    })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.at.toISOString() ?? null) : null,
  };
}
