import type { Metadata } from 'next';
import Link from 'next/link';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { requirePageActor } from '@/app/_lib/require-actor';
import { MoneyTrend } from '@/components/chargeback/money-trend';
import { formatMoney } from '@/components/ui/format-money';
import { can } from '@/lib/auth/permissions';
import { getChargebackOverview } from '@/lib/chargeback/get-chargeback-overview';
import { currentChargebackMonth } from '@/lib/chargeback/current-chargeback-month';
import { getChargebackReport } from '@/lib/chargeback/get-chargeback-report';
import { getChargebackTrend } from '@/lib/chargeback/get-chargeback-trend';
import { isMonth, shiftMonth } from '@/lib/chargeback/org-calendar';

export const metadata: Metadata = { title: 'Chargeback' };

const fmtInt = (n: number) => n.toLocaleString('en-US');

export default async function ChargebackPage({
  searchParams,
}: {
  searchParams: Promise<{ month?: string }>;
}) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const month = params.month && isMonth(params.month) ? params.month : currentChargebackMonth();
  const [report, trend] = await loadOrInterrupt(
    Promise.all([getChargebackReport(actor, { month }), getChargebackTrend(actor, { month })]),
  );
  const overview = can(actor, 'chargeback:read') ? await getChargebackOverview(actor) : null;
  const unpriced = report.lines.filter((l) => !l.priced).length;
  const estimated = report.lines.some((l) => l.estimated);
  return (
    <>
      <h1>Chargeback</h1>
      <p className="subtitle">
        Bedrock spend per team and model for {month} ({report.timeZone}), priced from the price book by each
        record&apos;s region and date.{' '}
        {report.closed
          ? 'This month is closed: its figures are final.'
          : 'This month is open: figures change as logs arrive.'}
      </p>
      <nav aria-label="Month" style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
        <Link href={`/chargeback?month=${shiftMonth(month, -1)}`}>← {shiftMonth(month, -1)}</Link>
        <strong data-testid="chargeback-month">{month}</strong>
        <Link href={`/chargeback?month=${shiftMonth(month, 1)}`}>{shiftMonth(month, 1)} →</Link>
        <a href={`/api/v1/chargeback/export?month=${month}`} download data-testid="chargeback-csv">
          Export CSV
        </a>
      </nav>

      <section className="card" aria-labelledby="total-h">
        <h2 id="total-h">
          Total: <span data-testid="chargeback-total">{report.total}</span> {report.currency}
        </h2>
        {unpriced > 0 ? (
          <p role="note" data-testid="chargeback-unpriced">
            {unpriced} line{unpriced === 1 ? '' : 's'} have no price in the price book: shown as “unpriced”,
            not counted as zero, and not in the total.
          </p>
        ) : null}
        {estimated ? (
          <p role="note">Lines marked “estimated” are priced from request bytes, not tokens.</p>
        ) : null}
        <MoneyTrend points={trend} currency={report.currency} current={month} />
      </section>

      <section className="card" aria-labelledby="cc-h">
        <h2 id="cc-h">By cost center</h2>
        <table data-testid="chargeback-subtotals">
          <thead>
            <tr>
              <th scope="col">Cost center</th>
              <th scope="col">Teams</th>
              <th scope="col">Cost ({report.currency})</th>
            </tr>
          </thead>
          <tbody>
            {report.subtotals.map((s) => (
              <tr key={s.costCenter}>
                <td>{s.costCenter === '-' ? 'Unattributed' : s.costCenter}</td>
                <td>{s.teams.join(', ')}</td>
                <td>{s.cost}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="lines-h">
        <h2 id="lines-h">Lines</h2>
        {report.lines.length === 0 ? (
          <p className="muted" data-testid="chargeback-empty">
            No usage has been ingested yet for {month}. Once Bedrock invocation logs (tokens) are ingested,
            this shows each team&apos;s cost per model with its cost center; where only access-log bytes are
            known the cost is an estimate and is labelled as one.
          </p>
        ) : (
          <table data-testid="chargeback-lines">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Team</th>
                <th scope="col">Cost center</th>
                <th scope="col">Model</th>
                <th scope="col">Invocations</th>
                <th scope="col">Input</th>
                <th scope="col">Output</th>
                <th scope="col">Cache read</th>
                <th scope="col">Cache write</th>
                <th scope="col">Cost ({report.currency})</th>
              </tr>
            </thead>
            <tbody>
              {report.lines.map((l, i) => (
                <tr key={i} data-team={l.team}>
                  <td>
                    {l.kind}
                    {l.forMonth ? ` (${l.forMonth})` : ''}
                  </td>
                  <td>{l.team === '-' ? 'Unattributed' : l.team}</td>
                  <td>{l.costCenter}</td>
                  <td className="mono">{l.kind === 'shared' ? (l.service ?? '-') : l.model}</td>
                  <td>{fmtInt(l.invocations)}</td>
                  <td>{fmtInt(l.inputTokens)}</td>
                  <td>{fmtInt(l.outputTokens)}</td>
                  <td>{fmtInt(l.cacheReadInputTokens)}</td>
                  <td>{fmtInt(l.cacheWriteInputTokens)}</td>
                  <td data-testid="line-cost">
                    {l.cost === null ? 'unpriced' : l.cost}
                    {l.estimated ? ' (estimated)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {overview ? (
        <section className="card" aria-labelledby="pricebook-h">
          <h2 id="pricebook-h">Price book (current, {overview.currency} per 1M tokens)</h2>
          {overview.prices.length === 0 ? (
            <p className="muted">No prices are configured.</p>
          ) : (
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
          )}
        </section>
      ) : null}
    </>
  );
}
