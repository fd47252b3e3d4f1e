/**
 * The full (all-teams) report of a month, from the database: a closed month is its stored snapshot, untouched by
 * later price or attribution changes; an open month is rated now from the hourly invocation rollups, plus
 * adjustment lines for late data of closed months (records ingested after their month closed land in the first
 * month that was still open when they arrived). No authorization here: callers scope it (get-chargeback-report).
 */
import type { TDb, TDbTx } from '@/lib/db';
import { buildChargebackReport, type TUsageRow } from './build-chargeback-report';
import { ZChargebackReport, type TChargebackReport } from './chargeback-schemas';
import { loadPriceIndex } from './load-price-index';
import { monthOf, monthRange } from './org-calendar';

export interface TComputeReportOptions {
  month: string;
  timeZone: string;
  currency: string;
  /** Rate the month live even if it is closed (used to build the snapshot itself). */
  ignoreClose?: boolean;
}

export async function computeChargebackReport(
  db: TDb | TDbTx,
  options: TComputeReportOptions,
): Promise<TChargebackReport> {
  const { month, timeZone, currency } = options;
  const closes = await db.chargebackMonthClose.findMany({
    select: { month: true, closedAt: true, report: true },
  });
  const closeOf = new Map(closes.map((c) => [c.month, c]));
  const own = closeOf.get(month);
  if (own && !options.ignoreClose) return { ...ZChargebackReport.parse(own.report), closed: true };

  const { start, end } = monthRange(month, timeZone);
  const [rollups, teams, shared, prices] = await Promise.all([
    db.invocationRollup.findMany({
      where: { hour: { gte: start, lt: end } },
      select: {
        hour: true,
        teamId: true,
        model: true,
        region: true,
        invocations: true,
        inputTokens: true,
        outputTokens: true,
        cacheReadInputTokens: true,
        cacheWriteInputTokens: true,
      },
    }),
    db.team.findMany({ select: { id: true, slug: true, costCenter: true } }),
    db.sharedPlatformCost.findMany({
      select: { service: true, monthlyAmount: true },
      orderBy: { service: 'asc' },
    }),
    loadPriceIndex(db),
  ]);
  const usage: TUsageRow[] = rollups.map((r) => ({
    teamId: r.teamId,
    model: r.model,
    region: r.region,
    hourMs: r.hour.getTime(),
    invocations: r.invocations,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    cacheReadInputTokens: r.cacheReadInputTokens,
    cacheWriteInputTokens: r.cacheWriteInputTokens,
  }));

  // Late data: events of an earlier closed month ingested after it closed, whose first still-open month was this.
  const adjustments: (TUsageRow & { forMonth: string })[] = [];
  const earlier = closes.filter((c) => c.month < month);
  if (earlier.length > 0) {
    const late = await db.invocationEvent.findMany({
      where: {
        OR: earlier.map((c) => {
          const r = monthRange(c.month, timeZone);
          return { time: { gte: r.start, lt: r.end }, ingestedAt: { gt: c.closedAt } };
        }),
      },
      select: {
        time: true,
        ingestedAt: true,
        teamId: true,
        model: true,
        region: true,
        inputTokens: true,
        outputTokens: true,
        cacheReadInputTokens: true,
        cacheWriteInputTokens: true,
      },
    });
    for (const e of late) {
      const forMonth = monthOf(e.time, timeZone);
      let target = forMonth;
      // Walk forward to the first month not closed when the record arrived.
      for (;;) {
        const [y, m] = target.split('-').map(Number) as [number, number];
        target = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
        const c = closeOf.get(target);
        if (!c || c.closedAt > e.ingestedAt) break;
      }
      if (target !== month) continue;
      adjustments.push({
        forMonth,
        teamId: e.teamId ?? '',
        model: e.model,
        region: e.region,
        hourMs: e.time.getTime(),
        invocations: 1,
        inputTokens: BigInt(e.inputTokens),
        outputTokens: BigInt(e.outputTokens),
        cacheReadInputTokens: BigInt(e.cacheReadInputTokens),
        cacheWriteInputTokens: BigInt(e.cacheWriteInputTokens),
      });
    }
  }

  const { totalCents: _total, ...report } = buildChargebackReport({
    month,
    currency,
    timeZone,
    teams: new Map(teams.map((t) => [t.id, { slug: t.slug, costCenter: t.costCenter }])),
    usage,
    adjustments,
    prices,
    sharedCosts: shared.map((s) => ({ service: s.service, amount: s.monthlyAmount.toFixed(2) })),
  });
  return report;
}
