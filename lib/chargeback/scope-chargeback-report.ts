/** A report cut down to the teams an actor may see; subtotals and total recomputed from the lines that remain. */
import type { TChargebackReport } from './chargeback-schemas';
import { formatCents, parseCents } from './money';

export function scopeChargebackReport(
  report: TChargebackReport,
  teamSlugs: ReadonlySet<string>,
): TChargebackReport {
  const lines = report.lines.filter((l) => teamSlugs.has(l.team));
  const byCc = new Map<string, { teams: Set<string>; cents: bigint; unpriced: number }>();
  let total = 0n;
  for (const l of lines) {
    const cc = byCc.get(l.costCenter) ?? { teams: new Set<string>(), cents: 0n, unpriced: 0 };
    cc.teams.add(l.team);
    if (l.cost === null) cc.unpriced += 1;
    else {
      cc.cents += parseCents(l.cost);
      total += parseCents(l.cost);
    }
    byCc.set(l.costCenter, cc);
  }
  return {
    ...report,
    lines,
    subtotals: [...byCc.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([costCenter, v]) => ({
        costCenter,
        teams: [...v.teams].sort(),
        cost: formatCents(v.cents),
        unpricedLines: v.unpriced,
      })),
    total: formatCents(total),
  };
}
