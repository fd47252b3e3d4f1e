'use client';

import { useQuery } from '@tanstack/react-query';
import { AccessMatrix } from '@/components/policy/access-matrix';
import { PolicySizeMeter } from '@/components/policy/policy-size-meter';
import { fetchJson } from '@/components/ui/fetch-json';
import type { TLiveEstate } from '@/lib/estate/read-live-estate';
import { estateKeys } from '@/lib/query/estate-keys';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function prettyPolicy(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
}

function statusTone(status: string): string {
  if (/ACTIVE|ASSOCIATED/.test(status)) return 'ok';
  if (/FAILED|REJECTED/.test(status)) return 'danger';
  return 'warn';
}

export function EstateClient({ initialError }: { initialError: string | null }) {
  const query = useQuery({
    queryKey: estateKeys.live(),
    queryFn: () => fetchJson<TLiveEstate>('/api/v1/estate'),
    staleTime: 15_000,
    retry: initialError ? false : 1,
  });
  const data = query.data;
  return (
    <>
      <div className="toolbar">
        <button
          className="btn"
          type="button"
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
        >
          {query.isFetching ? 'Reading from AWS…' : 'Refresh from AWS'}
        </button>
        {data ? <span className="muted">Read at {dateFmt.format(new Date(data.readAt))} UTC</span> : null}
      </div>
      {query.error || (!data && initialError) ? (
        <p className="error-box" role="alert">
          Could not read the estate: {query.error ? query.error.message : initialError}
        </p>
      ) : null}
      {data ? <EstateView data={data} /> : null}
    </>
  );
}

function EstateView({ data }: { data: TLiveEstate }) {
  const { live, managed } = data;
  const policyBytes = live.authPolicy ? new TextEncoder().encode(live.authPolicy.policy).length : 0;
  return (
    <>
      <div className="grid">
        <section className="card" aria-labelledby="sn-h">
          <h2 id="sn-h">Service network</h2>
          <dl className="kv">
            <dt>Name</dt>
            <dd data-testid="sn-name">{live.serviceNetwork.name}</dd>
            <dt>ARN</dt>
            <dd className="mono">{live.serviceNetwork.arn}</dd>
            <dt>Auth type</dt>
            <dd>{live.serviceNetwork.authType}</dd>
            <dt>Associated VPCs</dt>
            <dd>{live.serviceNetwork.numberOfAssociatedVPCs}</dd>
            <dt>Associated services</dt>
            <dd>{live.serviceNetwork.numberOfAssociatedServices}</dd>
            <dt>Owner account</dt>
            <dd className="mono">{managed.serviceNetwork.accountId}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="svc-h">
          <h2 id="svc-h">Lattice service</h2>
          <dl className="kv">
            <dt>Name</dt>
            <dd data-testid="svc-name">{live.service.name}</dd>
            <dt>ARN</dt>
            <dd className="mono">{live.service.arn}</dd>
            <dt>Status</dt>
            <dd>
              <span className={`badge ${statusTone(live.service.status)}`}>{live.service.status}</span>
            </dd>
            <dt>Auth type</dt>
            <dd>{live.service.authType}</dd>
            <dt>DNS name</dt>
            <dd className="mono">{live.service.dnsName ?? '—'}</dd>
            <dt>Model query key</dt>
            <dd className="mono">{managed.modelQueryKey}</dd>
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="policy-h">
        <h2 id="policy-h">Service auth policy</h2>
        {live.authPolicy ? (
          <>
            <p>
              State{' '}
              <span className={`badge ${live.authPolicy.state === 'Active' ? 'ok' : 'warn'}`}>
                {live.authPolicy.state}
              </span>
              {live.authPolicy.lastUpdatedAt
                ? ` · last updated ${dateFmt.format(new Date(live.authPolicy.lastUpdatedAt))} UTC`
                : ''}
            </p>
            <PolicySizeMeter bytes={policyBytes} />
            <pre data-testid="auth-policy-json" tabIndex={0} aria-label="Auth policy JSON">
              {prettyPolicy(live.authPolicy.policy)}
            </pre>
          </>
        ) : (
          <div className="empty" data-testid="no-auth-policy">
            <strong>No auth policy is attached</strong>
            With auth type {live.service.authType},{' '}
            {live.service.authType === 'AWS_IAM'
              ? 'every request is denied'
              : 'requests are not authorized by IAM'}{' '}
            until grants are approved and provisioned.
          </div>
        )}
        <h3>Service-network auth policy</h3>
        {live.serviceNetwork.authPolicy ? (
          <pre tabIndex={0} aria-label="Service-network auth policy JSON">
            {prettyPolicy(live.serviceNetwork.authPolicy.policy)}
          </pre>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>

      <section className="card" aria-labelledby="verify-h">
        <h2 id="verify-h">Verification: live policy against grants</h2>
        {data.access.verification.ok ? (
          <p data-testid="verification" className="badge ok">
            Exact: the live policy allows the {data.access.verification.activeGrantPairs} active grant pair(s)
            and nothing else ({data.access.verification.checks} checks, smuggling probes included)
          </p>
        ) : (
          <div data-testid="verification" className="error-box" role="alert">
            <strong>
              {data.access.unreadable
                ? `The live policy cannot be read as an IAM policy: ${data.access.unreadable}`
                : `${data.access.verification.mismatchCount} mismatch(es) between the live policy and the active grants`}
            </strong>
            <ul>
              {data.access.verification.mismatches.map((m, i) => (
                <li key={i} className="mono">
                  {m.check}: {m.principal ?? 'anonymous'} ?{m.query} expected {m.expected}, got {m.actual}
                </li>
              ))}
            </ul>
          </div>
        )}
        <h3>Effective access</h3>
        <AccessMatrix models={data.access.matrix.models} rows={data.access.matrix.rows} />
      </section>

      <section className="card" aria-labelledby="ram-h">
        <h2 id="ram-h">RAM share</h2>
        {live.resourceShare ? (
          <>
            <p>
              <span className="mono">{live.resourceShare.name}</span>{' '}
              <span className={`badge ${statusTone(live.resourceShare.status)}`}>
                {live.resourceShare.status}
              </span>
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Principal</th>
                  <th scope="col">Status</th>
                  <th scope="col">Outside the organization</th>
                </tr>
              </thead>
              <tbody>
                {live.resourceShare.principals.map((p) => (
                  <tr key={p.id}>
                    <td className="mono">{p.id}</td>
                    <td>
                      <span className={`badge ${statusTone(p.status)}`}>{p.status}</span>
                    </td>
                    <td>{p.external ? 'yes (invitation)' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">No RAM share is managed.</p>
        )}
      </section>

      <section className="card" aria-labelledby="vpc-h">
        <h2 id="vpc-h">VPC associations</h2>
        {live.vpcAssociations.length === 0 ? (
          <div className="empty">
            <strong>No VPC is associated yet</strong>
            Team VPCs are associated when an approved request includes one.
          </div>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">VPC</th>
                <th scope="col">Owner account</th>
                <th scope="col">Status</th>
                <th scope="col">Security groups</th>
              </tr>
            </thead>
            <tbody>
              {live.vpcAssociations.map((a) => (
                <tr key={a.id}>
                  <td className="mono">{a.vpcId}</td>
                  <td className="mono">{a.createdBy}</td>
                  <td>
                    <span className={`badge ${statusTone(a.status)}`}>{a.status}</span>
                  </td>
                  <td className="mono">{a.securityGroupIds.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="logs-h">
        <h2 id="logs-h">Access-log subscriptions</h2>
        <ul>
          {live.accessLogSubscriptions.map((l) => (
            <li key={l.arn} className="mono">
              {l.destinationArn}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
