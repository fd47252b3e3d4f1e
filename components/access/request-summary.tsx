import type { TAccessRequestDetail } from '@/lib/access/get-access-request';
import { RequestStatusBadge } from './request-status-badge';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The request as submitted and decided: who, what, why, how long, and every decision. */
export function RequestSummary({ request }: { request: TAccessRequestDetail }) {
  return (
    <section aria-labelledby="summary-h" className="card" data-testid="request-summary">
      <h2 id="summary-h">
        Request <RequestStatusBadge status={request.status} />
      </h2>
      <dl className="kv">
        <dt>Team</dt>
        <dd>{request.team.name}</dd>
        <dt>Requested by</dt>
        <dd>
          {request.requester.name} on {dateFmt.format(new Date(request.createdAt))}
        </dd>
        <dt>Principals</dt>
        <dd className="mono">
          {request.principals.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </dd>
        <dt>Models</dt>
        <dd>
          {request.models.map((m) => (
            <div key={m.policyKey}>
              {m.name} <span className="badge">{m.tier.toLowerCase()}</span>{' '}
              <span className="muted mono">{m.policyKey}</span>
            </div>
          ))}
        </dd>
        <dt>Duration</dt>
        <dd>{request.durationDays === null ? 'until revoked' : `${request.durationDays} days`}</dd>
        <dt>VPC association</dt>
        <dd className="mono">
          {request.vpcId ? `${request.vpcId} with ${request.securityGroupIds.join(', ')}` : 'none'}
        </dd>
        <dt>Justification</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{request.justification}</dd>
        <dt>Approvals</dt>
        <dd>
          {request.approvalsGiven} of {request.requiredApprovals}
          {request.approvals.map((a) => (
            <div key={a.id}>
              {a.decision === 'APPROVE' ? 'Approved' : 'Rejected'} by {a.approver.name} on{' '}
              {dateFmt.format(new Date(a.at))}
              {a.comment ? `: “${a.comment}”` : ''}
            </div>
          ))}
        </dd>
      </dl>
    </section>
  );
}
