import type { TRequestEffect } from '@/lib/access/compute-request-effect';
import { PolicySizeMeter } from '@/components/policy/policy-size-meter';
import { RequestStatusBadge } from './request-status-badge';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * What a request changes, as the policy engine computed it on the server: who gains which model, the policy's
 * size after it against 10 KB, the what-if per requested pair, and what the team already has or has asked for.
 */
export function RequestEffect({
  effect,
  heading = 'Effect of this request',
}: {
  effect: TRequestEffect;
  heading?: string;
}) {
  return (
    <section aria-labelledby="effect-h" className="card" data-testid="request-effect">
      <h2 id="effect-h">{heading}</h2>
      {effect.refusal ? (
        <p className="error-box" role="alert" data-testid="size-refusal">
          {effect.refusal}
        </p>
      ) : null}
      <PolicySizeMeter bytes={effect.policy.afterBytes} label="Auth policy size after approval" />
      <p className="muted">
        Today {effect.policy.beforeBytes.toLocaleString('en')} bytes
        {effect.policy.estateConfigured ? '' : ' (estimated: no estate is configured yet)'}. Compiled from the
        grants by the policy engine.
      </p>

      <h3>Effective access gained</h3>
      {effect.gained.length === 0 ? (
        <p className="muted" data-testid="gained-none">
          Nobody gains new access: every requested pair is already allowed by a current grant.
        </p>
      ) : (
        <ul data-testid="gained">
          {effect.gained.map((g) => (
            <li key={`${g.principal}|${g.model}`}>
              <span className="badge ok">+</span> <span className="mono">{g.principal}</span> →{' '}
              <span className="mono">{g.model}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>What-if per requested pair</h3>
      <table data-testid="what-if-pairs">
        <thead>
          <tr>
            <th scope="col">Principal</th>
            <th scope="col">Model</th>
            <th scope="col">Today</th>
            <th scope="col">After approval</th>
          </tr>
        </thead>
        <tbody>
          {effect.whatIf.map((w) => (
            <tr key={`${w.principal}|${w.model}`}>
              <td className="mono">{w.principal}</td>
              <td className="mono">{w.model}</td>
              <td className={w.before === 'ALLOW' ? 'cell-allow' : 'cell-deny'}>{w.before}</td>
              <td className={w.after === 'ALLOW' ? 'cell-allow' : 'cell-deny'}>
                {w.after}
                {w.statements.length ? <span className="muted"> ({w.statements.join(', ')})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>What the team already has</h3>
      {effect.teamGrants.length === 0 ? (
        <p className="muted">No current grants.</p>
      ) : (
        <table data-testid="team-grants">
          <thead>
            <tr>
              <th scope="col">Principal</th>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {effect.teamGrants.map((g) => (
              <tr key={g.id}>
                <td className="mono">{g.principal}</td>
                <td>{g.modelName}</td>
                <td>
                  <RequestStatusBadge status={g.status} />
                </td>
                <td>{g.expiresAt ? dateFmt.format(new Date(g.expiresAt)) : 'until revoked'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {effect.overlappingRequests.length > 0 ? (
        <>
          <h3>Overlapping pending requests</h3>
          <ul data-testid="overlapping">
            {effect.overlappingRequests.map((r) => (
              <li key={r.id}>
                <RequestStatusBadge status={r.status} /> submitted {dateFmt.format(new Date(r.createdAt))}:{' '}
                {r.pairs.map((p) => `${p.principal.split('/').at(-1)} → ${p.model}`).join(', ')}
              </li>
            ))}
          </ul>
          <p className="muted">
            Overlapping grants are allowed: a pair stays allowed while any of its grants is active.
          </p>
        </>
      ) : null}
    </section>
  );
}
