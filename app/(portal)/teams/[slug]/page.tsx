import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { getTeamOverview } from '@/lib/teams/get-team-overview';
import { listRequestableModels } from '@/lib/catalog/list-requestable-models';
import { formatMoney } from '@/components/ui/format-money';
import Link from 'next/link';
import { UnusedGrantsList } from '@/components/usage/unused-grants-list';
import { env } from '@/lib/env';
import { listUnusedGrants } from '@/lib/usage/list-unused-grants';

export const metadata: Metadata = { title: 'Team' };

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePageActor();
  const { slug } = await params;
  const team = await loadOrInterrupt(getTeamOverview(actor, slug));
  const models = await listRequestableModels(actor);
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

      <section aria-labelledby="grants-h" className="card">
        <h2 id="grants-h">Model access (active grants)</h2>
        {team.grants.length === 0 ? (
          <div className="empty">
            <strong>No model access yet</strong>
            {team.myRole === 'LEAD'
              ? 'Request access to a model for your principals; the AI platform team reviews each request.'
              : 'Your team lead can request access to models for the team.'}
          </div>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Principal</th>
                <th scope="col">Model</th>
                <th scope="col">Since</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {team.grants.map((g) => (
                <tr key={`${g.principalArn}|${g.modelId}`}>
                  <td className="mono">{g.principalArn}</td>
                  <td>
                    {g.modelName} <span className="muted mono">{g.modelId}</span>
                  </td>
                  <td>{dateFmt.format(new Date(g.validFrom))}</td>
                  <td>{dateFmt.format(new Date(g.expiresAt))}</td>
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
    </>
  );
}
