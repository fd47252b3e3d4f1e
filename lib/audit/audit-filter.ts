import type { Prisma } from '@/lib/generated/prisma/client';
import type { TAuditQuery } from './list-audit-events';

/**
 * A LIKE pattern that matches `value` literally: Prisma's startsWith does not escape `%` and `_` (so
 * `?action=%25` matched everything), and PostgreSQL's default LIKE escape character is the backslash.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The audit page's and the export's filters, as one where clause. */
export function auditWhere(q: Omit<TAuditQuery, 'limit'>): Prisma.AuditEventWhereInput {
  return {
    ...(q.action ? { action: { startsWith: escapeLike(q.action) } } : {}),
    ...(q.team ? { team: { slug: q.team } } : {}),
    ...(q.before ? { at: { lt: new Date(q.before) } } : {}),
  };
}
