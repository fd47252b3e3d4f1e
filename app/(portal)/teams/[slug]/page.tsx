import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { getTeamOverview } from '@/lib/teams/get-team-overview';
import { listRequestableModels } from '@/lib/catalog/list-requestable-models';
import { formatMoney } from '@/components/ui/format-money';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listAccessRequests } from '@/lib/access/list-access-requests';
import { listGrants } from '@/lib/access/list-grants';
import { listTeamAuditEvents } from '@/lib/access/list-team-audit-events';
import { RequestStatusBadge } from '@/components/access/request-status-badge';
import { UnusedGrantsList } from '@/components/usage/unused-grants-list';
import { env } from '@/lib/env';
import { listUnusedGrants } from '@/lib/usage/list-unused-grants';

export const metadata: Metadata = { title: 'Team' };

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePageActor();
  const { slug } = await params;
  const team = await loadOrInterrupt(getTeamOverview(actor, slug));
  const models = await listRequestableModels(actor);
  const [requests, grants] = await Promise.all([
    loadOrInterrupt(listAccessRequests(actor, { team: slug, limit: 20 })),
    loadOrInterrupt(listGrants(actor, { team: slug, limit: 100 })),
  ]);
  const readsAudit = team.myRole === 'LEAD' || can(actor, 'audit:read');
  const audit = readsAudit ? await loadOrInterrupt(listTeamAuditEvents(actor, slug, { limit: 30 })) : [];
  const unusedGrants = await listUnusedGrants(actor, { teamSlug: slug });
  const unusedDays = env().PORTAL_USAGE_UNUSED_GRANT_DAYS;
  return (
    <>
      <h1>{team.name}</h1>
      <p className="subtitle">
        Cost center {team.costCenter}
        {team.myRole ? ` · you are ${team.myRole === 'LEAD' ? 'a team lead' : 'a member'}` : ''}
      </p>
      <p>
        <Link className="btn" href={`/teams/${slug}/usage`}>
          Usage dashboard
        </Link>
      </p>
      {unusedGrants.length > 0 ? (
        <section aria-labelledby="unused-grants-h" className="card">
          <h2 id="unused-grants-h">Unused grants</h2>
          <p className="muted">No allowed request in the last {unusedDays} days.</p>
          <UnusedGrantsList grants={unusedGrants} days={unusedDays} />
        </section>
      ) : null}

      {team.myRole === 'LEAD' ? (
        <p>
          <Link className="btn primary" href={`/teams/${team.slug}/request`}>
            Request model access
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="grants-h" className="card">
        <h2 id="grants-h">Model access (grants)</h2>
        {grants.items.length === 0 ? (
          <div className="empty">
            <strong>No model access yet</strong>
            {team.myRole === 'LEAD'
              ? 'Request access to a model for your principals; the AI platform team reviews each request.'
              : 'Your team lead can request access to models for the team.'}
          </div>
        ) : (
          <table data-testid="team-grants">
            <thead>
              <tr>
                <th scope="col">Principal</th>
                <th scope="col">Model</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {grants.items.map((g) => (
                <tr key={g.id}>
                  <td className="mono">{g.principal}</td>
                  <td>
                    {g.modelName} <span className="muted mono">{g.model}</span>
                  </td>
                  <td>
                    <RequestStatusBadge status={g.status} />
                    {g.source === 'OUT_OF_BAND' ? <span className="badge">out of band</span> : null}
                  </td>
                  <td>{dateFmt.format(new Date(g.validFrom))}</td>
                  <td>{g.expiresAt ? dateFmt.format(new Date(g.expiresAt)) : 'until revoked'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="requests-h" className="card">
        <h2 id="requests-h">Access requests</h2>
        {requests.items.length === 0 ? (
          <p className="muted">No requests yet.</p>
        ) : (
          <table data-testid="team-requests">
            <thead>
              <tr>
                <th scope="col">Submitted</th>
                <th scope="col">By</th>
                <th scope="col">Models</th>
                <th scope="col">Principals</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {requests.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/teams/${team.slug}/request/${r.id}`}>
                      {dateFmt.format(new Date(r.createdAt))}
                    </Link>
                  </td>
                  <td>{r.requester.name}</td>
                  <td>{r.models.map((m) => m.name).join(', ')}</td>
                  <td>{r.principals.length}</td>
                  <td>
                    <RequestStatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="principals-h" className="card">
        <h2 id="principals-h">IAM principals</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Role ARN</th>
              <th scope="col">Account</th>
              <th scope="col">IAM path</th>
            </tr>
          </thead>
          <tbody>
            {team.principals.map((p) => (
              <tr key={p.arn}>
                <td className="mono">{p.arn}</td>
                <td className="mono">{p.accountId}</td>
                <td className="mono">{p.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="grid">
        <section aria-labelledby="accounts-h" className="card">
          <h2 id="accounts-h">AWS accounts</h2>
          <ul>
            {team.accounts.map((a) => (
              <li key={a.accountId}>
                <span className="mono">{a.accountId}</span> <span className="badge">{a.environment}</span>
                {a.name ? ` ${a.name}` : ''}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="members-h" className="card">
          <h2 id="members-h">People</h2>
          <ul>
            {team.members.map((m) => (
              <li key={m.email}>
                {m.name} <span className="badge">{m.role.toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="vpcs-h" className="card">
        <h2 id="vpcs-h">VPCs</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">VPC</th>
              <th scope="col">Account</th>
              <th scope="col">Region</th>
              <th scope="col">Environment</th>
              <th scope="col">Security groups</th>
              <th scope="col">Service-network association</th>
            </tr>
          </thead>
          <tbody>
            {team.vpcs.map((v) => (
              <tr key={v.vpcId}>
                <td className="mono">{v.vpcId}</td>
                <td className="mono">{v.accountId}</td>
                <td>{v.region}</td>
                <td>{v.environment}</td>
                <td className="mono">{v.securityGroupIds.join(', ')}</td>
                <td>
                  {v.associationStatus ? (
                    <span className="badge">{v.associationStatus}</span>
                  ) : (
                    <span className="muted">not associated</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="catalog-h" className="card">
        <h2 id="catalog-h">Model catalog</h2>
        <p className="muted">
          The models the AI platform team offers. Restricted and advanced models may need two distinct
          approvers. Prices are on-demand, per 1M tokens.
        </p>
        <table data-testid="model-catalog">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Provider</th>
              <th scope="col">Tier</th>
              <th scope="col">Approval</th>
              <th scope="col">Input</th>
              <th scope="col">Output</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.modelId}>
                <td>
                  {m.name} <span className="muted mono">{m.modelId}</span>
                </td>
                <td>{m.provider}</td>
                <td>
                  <span
                    className={`badge ${m.tier === 'RESTRICTED' ? 'danger' : m.tier === 'ADVANCED' ? 'warn' : ''}`}
                  >
                    {m.tier.toLowerCase()}
                  </span>
                </td>
                <td>{m.requiresTwoApprovals ? 'two approvers' : 'one approver'}</td>
                <td>{m.price ? `${formatMoney(m.price.input)} ${m.price.currency}` : '—'}</td>
                <td>{m.price ? `${formatMoney(m.price.output)} ${m.price.currency}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {readsAudit ? (
        <section aria-labelledby="team-audit-h" className="card">
          <h2 id="team-audit-h">Audit events of the team</h2>
          {audit.length === 0 ? (
            <p className="muted">No events yet.</p>
          ) : (
            <table data-testid="team-audit">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Target</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((e) => (
                  <tr key={e.id}>
                    <td>{dateTimeFmt.format(new Date(e.at))}</td>
                    <td>{e.actor}</td>
                    <td className="mono">{e.action}</td>
                    <td className="mono">
                      {e.targetType} {e.targetId}
                    </td>
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
