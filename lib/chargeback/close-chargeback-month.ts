/**
 * Closes a month: rates it one last time and stores the report as an immutable snapshot, audited in the same
 * transaction. Only a month that has ended (in the org time zone) can close, and only once. Data that arrives for
 * it later becomes an adjustment line in the next open month.
 */
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { assertChargebackAdmin } from './chargeback-scope';
import type { TChargebackReport } from './chargeback-schemas';
import { computeChargebackReport } from './compute-chargeback-report';
import { isMonth, monthRange } from './org-calendar';

export async function closeChargebackMonth(
  actor: TActor,
  input: { month: string; now?: Date },
  dbHandle?: TDb,
): Promise<TChargebackReport> {
  assertChargebackAdmin(actor);
  if (!isMonth(input.month)) throw new AppError('BAD_REQUEST', 'month must be YYYY-MM');
  const e = env();
  const { end } = monthRange(input.month, e.PORTAL_ORG_TIME_ZONE);
  if (end > (input.now ?? new Date())) {
    throw new AppError(
      'CONFLICT',
      `${input.month} has not ended yet; it can be closed from ${end.toISOString()}`,
    );
  }
  const db = await resolveDb(dbHandle);
  return db.$transaction(
    async (tx) => {
      const existing = await tx.chargebackMonthClose.findUnique({
        where: { month: input.month },
        select: { closedAt: true },
      });
      if (existing) throw new AppError('CONFLICT', `${input.month} is already closed`);
      const report = await computeChargebackReport(tx, {
        month: input.month,
        timeZone: e.PORTAL_ORG_TIME_ZONE,
        currency: e.PORTAL_CHARGEBACK_CURRENCY,
        ignoreClose: true,
      });
      const snapshot = { ...report, closed: true };
      await tx.chargebackMonthClose.create({
        data: {
          month: input.month,
          timeZone: e.PORTAL_ORG_TIME_ZONE,
          closedById: userIdOf(actor),
          report: snapshot,
        },
      });
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'chargeback.close-month',
        targetType: 'ChargebackMonth',
        targetId: input.month,
        details: { total: snapshot.total, lines: snapshot.lines.length, currency: snapshot.currency },
      });
      return snapshot;
    },
    { timeout: 60_000 },
  );
}
