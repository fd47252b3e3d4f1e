import type { TUsageAggregate } from '@/lib/usage/query-rollups';
import { formatBytes, formatCount, formatMs, formatPct } from './format-usage';

/** The headline figures of a usage view. */
export function UsageKpis({ totals }: { totals: TUsageAggregate }) {
  const items: [string, string, string][] = [
    ['requests', 'Requests', formatCount(totals.requests)],
    ['allowed', 'Allowed', formatCount(totals.allowed)],
    ['denied', 'Denied', formatCount(totals.denied)],
    ['errors5xx', '5xx errors', formatCount(totals.errors5xx)],
    ['errorRate', '5xx rate (of allowed)', formatPct(totals.errorRate)],
    ['p50', 'p50 latency', formatMs(totals.p50Ms)],
    ['p95', 'p95 latency', formatMs(totals.p95Ms)],
    ['p99', 'p99 latency', formatMs(totals.p99Ms)],
    ['bytesReceived', 'Bytes in', formatBytes(totals.bytesReceived)],
    ['bytesSent', 'Bytes out', formatBytes(totals.bytesSent)],
  ];
  return (
    <dl className="kpis" data-testid="usage-kpis">
      {items.map(([id, label, value]) => (
        <div key={id} className="kpi" data-kpi={id}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
