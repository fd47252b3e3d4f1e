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
import type { TOrgUsage } from '@/lib/usage/get-org-usage';

export function OrgUsageClient() {
  const { params } = useUsageRange();
  const q = useQuery({
    queryKey: usageKeys.org(params),
    queryFn: () => fetchJson<TOrgUsage>(`/api/v1/usage/overview?${new URLSearchParams(params)}`),
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
  const measures = measureColumns();
  const data = q.data;
  if (!data) return q.error ? <div className="error-box">{q.error.message}</div> : null;
  const teamColumn = {
    key: 'team',
    label: 'Team',
    value: (r: { key: string; label: string }) => r.key,
    render: (r: { key: string; label: string }) =>
      r.key === '-' ? (
        <span className="muted">unattributed</span>
      ) : (
        <Link href={`/teams/${r.key}/usage?${new URLSearchParams(params)}`}>{r.label}</Link>
      ),
  };
  return (
    <>
      <UsageRangePicker />
      {q.error ? <div className="error-box">{q.error.message}</div> : null}
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
        <h2 id="teams-h">Top teams</h2>
        <UsageTable
          caption="Usage by team"
          rows={data.byTeam}
          csvName="usage-by-team"
          rowKey={(r) => r.key}
          columns={[teamColumn, ...measures]}
        />
      </section>
      <section className="card" aria-labelledby="models-h">
        <h2 id="models-h">Top models</h2>
        <UsageTable
          caption="Usage by model"
          rows={data.byModel}
          csvName="usage-by-model"
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
                  <Link href={`/usage/models/${encodeURIComponent(r.key)}?${new URLSearchParams(params)}`}>
                    {r.label !== r.key ? `${r.label} ` : ''}
                    <span className="mono muted">{r.key}</span>
                  </Link>
                ),
            },
            ...measures,
          ]}
        />
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="denied-h">
          <h2 id="denied-h">Denied requests by team</h2>
          <UsageTable
            caption="Denied requests by team"
            rows={data.deniedByTeam}
            csvName="denied-by-team"
            rowKey={(r) => r.key}
            initialSort="denied"
            columns={[
              teamColumn,
              measures.find((m) => m.key === 'denied')!,
              measures.find((m) => m.key === 'requests')!,
            ]}
          />
        </section>
        {data.scope === 'all' ? (
          <section className="card" aria-labelledby="unattr-h">
            <h2 id="unattr-h">Unattributed callers</h2>
            <p className="muted">
              Callers that map to no team at the time of the request (“-” is unauthenticated).
            </p>
            <UsageTable
              caption="Unattributed callers"
              rows={data.unattributedCallers}
              csvName="unattributed-callers"
              rowKey={(r) => r.key}
              columns={[
                {
                  key: 'caller',
                  label: 'Caller',
                  value: (r) => r.key,
                  render: (r) => <span className="mono">{r.key}</span>,
                },
                measures.find((m) => m.key === 'requests')!,
                measures.find((m) => m.key === 'denied')!,
              ]}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
