/** The chargeback report as CSV: one row per report line (money as decimals), so its sums are the report's. */
import { usageCsvCell } from '@/lib/usage/usage-csv';
import type { TChargebackReport } from './chargeback-schemas';

export const CHARGEBACK_CSV_COLUMNS = [
  'month',
  'kind',
  'team',
  'costCenter',
  'model',
  'service',
  'forMonth',
  'invocations',
  'inputTokens',
  'outputTokens',
  'cacheReadInputTokens',
  'cacheWriteInputTokens',
  'cost',
  'currency',
  'estimated',
  'priced',
] as const;

export function toChargebackCsv(report: TChargebackReport): string {
  const rows: string[] = [CHARGEBACK_CSV_COLUMNS.join(',')];
  for (const l of report.lines) {
    const v: Record<(typeof CHARGEBACK_CSV_COLUMNS)[number], string | number | null> = {
      month: report.month,
      kind: l.kind,
      team: l.team,
      costCenter: l.costCenter,
      model: l.model,
      service: l.service ?? '',
      forMonth: l.forMonth ?? '',
      invocations: l.invocations,
      inputTokens: l.inputTokens,
      outputTokens: l.outputTokens,
      cacheReadInputTokens: l.cacheReadInputTokens,
      cacheWriteInputTokens: l.cacheWriteInputTokens,
      // Unpriced stays empty, never 0.
      cost: l.cost,
      currency: report.currency,
      estimated: String(l.estimated),
      priced: String(l.priced),
    };
    rows.push(CHARGEBACK_CSV_COLUMNS.map((c) => usageCsvCell(v[c])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
