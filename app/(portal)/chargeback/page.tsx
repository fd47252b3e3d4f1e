import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
import { GroupedBarChart } from '@/components/charts/grouped-bar-chart';
import { formatMoney } from '@/components/ui/format-money';
import { getChargebackOverview } from '@/lib/chargeback/get-chargeback-overview';

export const metadata: Metadata = { title: 'Chargeback' };

export default async function ChargebackPage() {
  const actor = await requirePageActor('chargeback:read');
  const overview = await getChargebackOverview(actor);
  return (
    <>
      <h1>Chargeback</h1>
      <p className="subtitle">Bedrock spend per team and month, priced from the price book.</p>
      {overview.months.length === 0 ? (
        <div className="card empty" data-testid="chargeback-empty">
          <strong>No usage has been ingested yet</strong>
          Once VPC Lattice access logs (requests, bytes, callers) and Bedrock invocation logs (tokens) are
          ingested, this page shows each team&apos;s cost per month, with its cost center, model breakdown and
          a CSV export. Where token counts are unknown the cost is an estimate and is labelled as one.
        </div>
      ) : null}
      <section className="card" aria-labelledby="pricebook-h">
        <h2 id="pricebook-h">Price book (current, {overview.currency} per 1M tokens)</h2>
        {overview.prices.length === 0 ? (
          <p className="muted">No prices are configured.</p>
        ) : (
          <>
            <GroupedBarChart
              title={`Price per 1M tokens by model, ${overview.currency}: input and output`}
              unit={`${overview.currency} / 1M tokens`}
              series={[
                { label: 'Input', color: '#1f4fd1' },
                { label: 'Output', color: '#d97706' },
              ]}
              rows={[...overview.prices]
                .sort((a, b) => Number(b.outputPerMillion) - Number(a.outputPerMillion))
                .map((p) => ({
                  label: p.name,
                  values: [Number(p.inputPerMillion), Number(p.outputPerMillion)],
                }))}
            />
            <table>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Model id</th>
                  <th scope="col">Region</th>
                  <th scope="col">Input</th>
                  <th scope="col">Output</th>
                  <th scope="col">Effective from</th>
                </tr>
              </thead>
              <tbody>
                {overview.prices.map((p) => (
                  <tr key={`${p.modelId}|${p.region}`}>
                    <td>{p.name}</td>
                    <td className="mono">{p.modelId}</td>
                    <td>{p.region}</td>
                    <td>{formatMoney(p.inputPerMillion)}</td>
                    <td>{formatMoney(p.outputPerMillion)}</td>
                    <td>{p.effectiveFrom.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}
