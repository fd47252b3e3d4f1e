'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { formatWatermark } from '@/components/usage/format-usage';
import { UsageKpis } from '@/components/usage/usage-kpis';
import { measureColumns } from '@/components/usage/usage-measure-columns';
import { UsageRangePicker } from '@/components/usage/usage-range-picker';
import { UsageTable } from '@/components/usage/usage-table';
import { UsageTrendChart } from '@/components/usage/usage-trend-chart';
import { useUsageRange } from '@/components/usage/use-usage-range';
import { usageKeys } from '@/lib/query/usage-keys';
import type { TModelUsage } from '@/lib/usage/get-model-usage';

export function ModelUsageClient({ modelKey }: { modelKey: string }) {
  const { params } = useUsageRange();
  const q = useQuery({
    queryKey: usageKeys.model(modelKey, params),
    queryFn: () =>
      fetchJson<TModelUsage>(
        `/api/v1/usage/models/${encodeURIComponent(modelKey)}?${new URLSearchParams(params)}`,
      ),
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
  const measures = measureColumns();
  const data = q.data;
  if (!data) return q.error ? <div className="error-box">{q.error.message}</div> : null;
  const safe = modelKey.replace(/[^\w.-]+/g, '_');
  return (
    <>
      <UsageRangePicker />
      <p className="muted" data-testid="watermark">
        {data.range.from.slice(0, 16).replace('T', ' ')} – {data.range.to.slice(0, 16).replace('T', ' ')} UTC
        · by {data.range.grain} · {formatWatermark(data.completeThrough)}
      </p>
      <UsageKpis totals={data.totals} />
      <section className="card" aria-labelledby="trend-h">
        <h2 id="trend-h">Trend</h2>
        <UsageTrendChart
          title={`Requests by ${data.range.grain}`}
          points={data.series}
          grain={data.range.grain}
        />
      </section>
      <section className="card" aria-labelledby="teams-h">
        <h2 id="teams-h">Teams using it</h2>
        <UsageTable
          caption="Usage of the model by team"
          rows={data.byTeam}
          csvName={`${safe}-by-team`}
          rowKey={(r) => r.key}
          columns={[
            {
              key: 'team',
              label: 'Team',
              value: (r) => r.key,
              render: (r) =>
                r.key === '-' ? (
                  <span className="muted">unattributed</span>
                ) : (
                  <Link href={`/teams/${r.key}/usage`}>{r.label}</Link>
                ),
            },
            ...measures,
          ]}
        />
      </section>
      <section className="card" aria-labelledby="principals-h">
        <h2 id="principals-h">Principals calling it</h2>
        <UsageTable
          caption="Usage of the model by principal"
          rows={data.byPrincipal}
          csvName={`${safe}-by-principal`}
          rowKey={(r) => r.key}
          columns={[
            {
              key: 'principal',
              label: 'Principal',
              value: (r) => r.label,
              render: (r) => <span className="mono">{r.label}</span>,
            },
            ...measures,
          ]}
        />
      </section>
    </>
  );
}
