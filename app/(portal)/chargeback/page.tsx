import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
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
          <table>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Region</th>
                <th scope="col">Input</th>
                <th scope="col">Output</th>
                <th scope="col">Effective from</th>
              </tr>
            </thead>
            <tbody>
              {overview.prices.map((p) => (
                <tr key={`${p.modelId}|${p.region}`}>
                  <td className="mono">{p.modelId}</td>
                  <td>{p.region}</td>
                  <td>{p.inputPerMillion}</td>
                  <td>{p.outputPerMillion}</td>
                  <td>{p.effectiveFrom.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
