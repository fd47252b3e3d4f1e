/** Month-over-month totals (as the actor may see them) for the trend chart: the month and the ones before it. */
import type { TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { getChargebackReport } from './get-chargeback-report';
import { shiftMonth } from './org-calendar';

export interface TTrendPoint {
  month: string;
  total: string;
  closed: boolean;
  unpricedLines: number;
}

export async function getChargebackTrend(
  actor: TActor,
  input: { month: string; months?: number },
  dbHandle?: TDb,
): Promise<TTrendPoint[]> {
  const db = await resolveDb(dbHandle);
  const n = input.months ?? 6;
  const points: TTrendPoint[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const month = shiftMonth(input.month, -i);
    const r = await getChargebackReport(actor, { month }, db);
    points.push({
      month,
      total: r.total,
      closed: r.closed,
      unpricedLines: r.lines.filter((l) => !l.priced).length,
    });
  }
  return points;
}
