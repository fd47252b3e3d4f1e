'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { useApiMutation } from '@/components/ui/use-api-mutation';
import type { TProvisioningOverview } from '@/lib/provisioning/get-provisioning-overview';

export const provisioningKey = ['provisioning', 'overview'] as const;

const HEALTH_CLASS: Record<string, string> = { ok: 'ok', waiting: 'warn', stuck: 'danger', failed: 'danger' };

export function ProvisioningClient({ canManage }: { canManage: boolean }) {
  const q = useQuery({
    queryKey: provisioningKey,
    queryFn: () => fetchJson<TProvisioningOverview>('/api/v1/provisioning/overview'),
    refetchInterval: 2_000,
  });
  const invalidates = () => [provisioningKey as unknown as string[], ['access'], ['estate']];
  const retry = useApiMutation<{ id: string }, unknown>({
    method: 'POST',
    url: ({ id }) => `/api/v1/provisioning/runs/${encodeURIComponent(id)}/retry`,
    body: () => ({}),
    invalidates,
  });
  const decide = useApiMutation<{ decision: 'reapply' | 'adopt' }, unknown>({
    method: 'POST',
    url: () => '/api/v1/estate/drift',
    invalidates,
  });
  const check = useApiMutation<Record<string, never>, unknown>({
    method: 'POST',
    url: () => '/api/v1/estate/reconcile',
    invalidates,
  });
  const o = q.data;
  if (!o) return <p className="muted">Loading…</p>;
  const error = retry.error ?? decide.error ?? check.error;
  return (
    <>
      {error ? (
        <p role="alert" className="error-box">
          {error.message}
        </p>
      ) : null}
      <section className="card" aria-labelledby="queue-h">
        <h2 id="queue-h">Queue</h2>
        <dl className="kv" data-testid="queue-counts">
          <dt>Pending</dt>
          <dd>{o.queue.pending}</dd>
          <dt>Running</dt>
          <dd>{o.queue.running}</dd>
          <dt>Waiting (AWS, invitation, drift)</dt>
          <dd>{o.queue.waiting}</dd>
          <dt>Failed</dt>
          <dd>{o.queue.failed}</dd>
          <dt>Stuck</dt>
          <dd>{o.queue.stuck}</dd>
        </dl>
        <button className="btn" type="button" onClick={() => check.mutate({})} disabled={check.isPending}>
          {check.isPending ? 'Checking…' : 'Check the live estate now'}
        </button>
      </section>

      {o.openDrift || o.firstContactPendingSince ? (
        <section className="card" aria-labelledby="drift-h" data-testid="drift">
          <h2 id="drift-h">
            {o.firstContactPendingSince ? 'First contact: review the imported policy' : 'Drift'}
          </h2>
          <p>
            {o.firstContactPendingSince
              ? 'The service already had an auth policy. Its statements were imported as out-of-band grants; nothing is applied until you review them.'
              : 'The live auth policy differs from the last one the portal applied. Runs that would write it are stopped until you decide.'}
          </p>
          {o.openDrift ? <DriftDiff diff={o.openDrift.diff} /> : null}
          {canManage ? (
            <div className="toolbar">
              <button
                className="btn primary"
                type="button"
                onClick={() => decide.mutate({ decision: 'reapply' })}
              >
                Re-apply (the portal wins)
              </button>
              <button className="btn" type="button" onClick={() => decide.mutate({ decision: 'adopt' })}>
                Adopt (record live access as out-of-band grants)
              </button>
            </div>
          ) : (
            <p className="muted">An admin decides.</p>
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="runs-h">
        <h2 id="runs-h">Runs</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Kind</th>
              <th scope="col">Team</th>
              <th scope="col">Status</th>
              <th scope="col">Step</th>
              <th scope="col">Attempts</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {o.runs.map((r) => (
              <tr key={r.id} data-run={r.id} data-status={r.status} data-health={r.health}>
                <td className="mono">
                  {r.requestId ? (
                    <Link href={`/approvals/${r.requestId}`}>{r.id.slice(-8)}</Link>
                  ) : (
                    r.id.slice(-8)
                  )}
                </td>
                <td>{r.kind}</td>
                <td>{r.team ?? '—'}</td>
                <td>
                  <span className={`badge ${HEALTH_CLASS[r.health] ?? ''}`}>
                    {r.health === 'stuck' ? 'STUCK' : r.status}
                  </span>
                  {r.error || r.waitingFor ? (
                    <span
                      className="muted"
                      style={{ display: 'block', fontSize: '.85em', maxWidth: '32rem' }}
                    >
                      {r.operatorError ? <strong>Operator error: </strong> : null}
                      {r.error ?? r.waitingFor}
                    </span>
                  ) : null}
                </td>
                <td>{r.currentStep ?? '—'}</td>
                <td>{r.attempts}</td>
                <td>
                  <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString()}</time>
                </td>
                <td>
                  {r.status === 'FAILED' ? (
                    <button className="btn" type="button" onClick={() => retry.mutate({ id: r.id })}>
                      Retry
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {o.runs.length === 0 ? <p className="empty">No runs yet: approvals start them.</p> : null}
      </section>

      <section className="card" aria-labelledby="workers-h">
        <h2 id="workers-h">Workers</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Worker</th>
              <th scope="col">State</th>
              <th scope="col">Last heartbeat</th>
              <th scope="col">Runs done</th>
            </tr>
          </thead>
          <tbody>
            {o.workers.map((w) => (
              <tr key={w.id}>
                <td className="mono">{w.id}</td>
                <td>
                  <span className={`badge ${w.alive ? 'ok' : 'danger'}`}>
                    {w.alive ? (w.currentRunId ? 'working' : 'idle') : 'not responding'}
                  </span>
                </td>
                <td>
                  <time dateTime={w.heartbeatAt}>{new Date(w.heartbeatAt).toLocaleTimeString()}</time>
                </td>
                <td>{w.runsDone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="notify-h">
        <h2 id="notify-h">Notifications</h2>
        <p>{o.notifications.pending} waiting to be sent.</p>
        {o.notifications.failed.length ? (
          <ul>
            {o.notifications.failed.map((d) => (
              <li key={d.id}>
                <strong>{d.event}</strong> to {d.channel}: failed after {d.attempts} attempts — {d.lastError}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No failed deliveries.</p>
        )}
      </section>
    </>
  );
}

function DriftDiff({ diff }: { diff: unknown }) {
  const d = (diff ?? {}) as {
    gained?: { principal: string; model: string }[];
    lost?: { principal: string; model: string }[];
  };
  return (
    <ul>
      {(d.gained ?? []).map((p) => (
        <li key={`g-${p.principal}-${p.model}`}>
          <span className="badge danger">live allows</span> <span className="mono">{p.principal}</span> →{' '}
          {p.model}
        </li>
      ))}
      {(d.lost ?? []).map((p) => (
        <li key={`l-${p.principal}-${p.model}`}>
          <span className="badge warn">live denies</span> <span className="mono">{p.principal}</span> →{' '}
          {p.model}
        </li>
      ))}
    </ul>
  );
}
