import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { getTeamOverview } from '@/lib/teams/get-team-overview';
import { listRequestableModels } from '@/lib/catalog/list-requestable-models';
import { listAccessRequests } from '@/lib/access/list-access-requests';
import { approvalRuleLabel, approvalsRequiredFor, TIER_RULES } from '@/lib/access/tier-rules';
import { RequestStatusBadge } from '@/components/access/request-status-badge';
import { RequestFormClient, type TFormModel } from './request-form-client';

export const metadata: Metadata = { title: 'Request model access' };

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function RequestAccessPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePageActor();
  const { slug } = await params;
  const team = await loadOrInterrupt(getTeamOverview(actor, slug));
  const [models, requests] = await Promise.all([
    listRequestableModels(actor),
    loadOrInterrupt(listAccessRequests(actor, { team: slug, limit: 20 })),
  ]);
  const formModels: TFormModel[] = models.map((m) => ({
    policyKey: m.policyKey,
    modelId: m.modelId,
    name: m.name,
    provider: m.provider,
    tier: m.tier,
    approvals: approvalsRequiredFor(m),
    rule: approvalRuleLabel(m),
    allowsUntilRevoked: TIER_RULES[m.tier].allowsUntilRevoked,
    maxDurationDays: TIER_RULES[m.tier].maxDurationDays,
    price: m.price,
  }));
  const isLead = team.myRole === 'LEAD';
  return (
    <>
      <p>
        <Link href={`/teams/${team.slug}`}>← {team.name}</Link>
      </p>
      <h1>Request model access for {team.name}</h1>
      {isLead ? (
        <>
          <p className="subtitle">
            Pick principals and models, check the effect, then submit. The AI platform team reviews each
            request.
          </p>
          <RequestFormClient
            team={team.slug}
            principals={team.principals.map((p) => ({ arn: p.arn, accountId: p.accountId }))}
            vpcs={team.vpcs.map((v) => ({
              vpcId: v.vpcId,
              environment: v.environment,
              securityGroupIds: v.securityGroupIds,
            }))}
            models={formModels}
          />
        </>
      ) : (
        <p className="subtitle" data-testid="lead-only">
          Only a lead of {team.name} can request access. Below are the team&apos;s requests.
        </p>
      )}
      <section aria-labelledby="team-requests-h" className="card">
        <h2 id="team-requests-h">The team&apos;s requests</h2>
        {requests.items.length === 0 ? (
          <p className="muted">No requests yet.</p>
        ) : (
          <table data-testid="team-requests">
            <thead>
              <tr>
                <th scope="col">Submitted</th>
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
    </>
  );
}
