'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { formatWatermark } from '@/components/usage/format-usage';
import { UnusedGrantsList } from '@/components/usage/unused-grants-list';
import { UsageKpis } from '@/components/usage/usage-kpis';
import { UsageRangePicker } from '@/components/usage/usage-range-picker';
import { UsageTable } from '@/components/usage/usage-table';
import { measureColumns } from '@/components/usage/usage-measure-columns';
import { UsageTrendChart } from '@/components/usage/usage-trend-chart';
import { useUsageRange } from '@/components/usage/use-usage-range';
import { usageKeys } from '@/lib/query/usage-keys';
import type { TTeamUsage } from '@/lib/usage/get-team-usage';

export function TeamUsageClient({ slug, unusedDays }: { slug: string; unusedDays: number }) {
  const { params } = useUsageRange();
  const q = useQuery({
    queryKey: usageKeys.team(slug, params),
    queryFn: () =>
      fetchJson<TTeamUsage>(`/api/v1/usage/teams/${encodeURIComponent(slug)}?${new URLSearchParams(params)}`),
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
  const measures = measureColumns();
  const data = q.data;
  return (
    <>
      <UsageRangePicker />
      {q.error ? <div className="error-box">{q.error.message}</div> : null}
      {data ? (
        <>
          <p className="muted" data-testid="watermark">
            {data.range.from.slice(0, 16).replace('T', ' ')} – {data.range.to.slice(0, 16).replace('T', ' ')}{' '}
            UTC · by {data.range.grain} · {formatWatermark(data.completeThrough)}
          </p>
          <UsageKpis totals={data.totals} />
          <section className="card" aria-labelledby="trend-h">
            <h2 id="trend-h">Requests by {data.range.grain}</h2>
            <UsageTrendChart
              title={`Requests by ${data.range.grain}`}
              points={data.series}
              grain={data.range.grain}
            />
            <UsageTable
              caption={`Requests by ${data.range.grain}`}
              rows={data.series}
              csvName={`${slug}-usage-by-${data.range.grain}`}
              rowKey={(r) => r.key}
              initialSort="key"
              columns={[
                {
                  key: 'key',
                  label: data.range.grain === 'day' ? 'Day (UTC)' : 'Hour (UTC)',
                  value: (r) => r.key,
                },
                ...measures,
              ]}
            />
          </section>
          <section className="card" aria-labelledby="model-h">
            <h2 id="model-h">By model</h2>
            <UsageTable
              testId="usage-by-model"
              caption="Usage by model"
              rows={data.byModel}
              csvName={`${slug}-usage-by-model`}
              rowKey={(r) => r.key}
              columns={[
                {
                  key: 'model',
                  label: 'Model',
                  value: (r) => r.key,
                  render: (r) =>
                    r.key === '-' ? (
                      <span className="muted">no model</span>
                    ) : (
                      <Link href={`/usage/models/${encodeURIComponent(r.key)}`}>
                        {r.label !== r.key ? `${r.label} ` : ''}
                        <span className="mono muted">{r.key}</span>
                      </Link>
                    ),
                },
                ...measures,
              ]}
            />
          </section>
          <section className="card" aria-labelledby="principal-h">
            <h2 id="principal-h">By principal</h2>
            <UsageTable
              caption="Usage by principal"
              rows={data.byPrincipal}
              csvName={`${slug}-usage-by-principal`}
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
          <section className="card" aria-labelledby="env-h">
            <h2 id="env-h">By environment</h2>
            <UsageTable
              caption="Usage by environment"
              rows={data.byEnvironment}
              csvName={`${slug}-usage-by-environment`}
              rowKey={(r) => r.key}
              columns={[{ key: 'environment', label: 'Environment', value: (r) => r.label }, ...measures]}
            />
          </section>
          <section className="card" aria-labelledby="unused-h">
            <h2 id="unused-h">Unused grants</h2>
            <p className="muted">
              Active grants with no allowed request in the last {unusedDays} days: access that could be
              revoked.
            </p>
            <UnusedGrantsList grants={data.unusedGrants} days={unusedDays} />
          </section>
        </>
      ) : null}
    </>
  );
}
