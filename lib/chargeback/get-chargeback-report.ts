/** A month's chargeback report as the actor may see it (finance/admin: all teams; a lead: their teams). */
import type { TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { chargebackScope } from './chargeback-scope';
import type { TChargebackReport } from './chargeback-schemas';
import { computeChargebackReport } from './compute-chargeback-report';
import { isMonth } from './org-calendar';
import { scopeChargebackReport } from './scope-chargeback-report';

export async function getChargebackReport(
  actor: TActor,
  input: { month: string },
  dbHandle?: TDb,
): Promise<TChargebackReport> {
  const scope = chargebackScope(actor);
  if (!isMonth(input.month)) throw new AppError('BAD_REQUEST', 'month must be YYYY-MM');
  const db = await resolveDb(dbHandle);
  const e = env();
  const report = await computeChargebackReport(db, {
    month: input.month,
    timeZone: e.PORTAL_ORG_TIME_ZONE,
    currency: e.PORTAL_CHARGEBACK_CURRENCY,
  });
  if (scope === 'all') return report;
  const slugs = new Set(actor.teams.filter((t) => scope.includes(t.teamId)).map((t) => t.slug));
  return scopeChargebackReport(report, slugs);
}
