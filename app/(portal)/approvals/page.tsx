import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
import { listPendingRequests } from '@/lib/access/list-pending-requests';

export const metadata: Metadata = { title: 'Approval queue' };

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function ApprovalsPage() {
  const actor = await requirePageActor('requests:decide');
  const requests = await listPendingRequests(actor);
  return (
    <>
      <h1>Approval queue</h1>
      <p className="subtitle">Access requests waiting for an AI platform decision, oldest first.</p>
      {requests.length === 0 ? (
        <div className="card empty" data-testid="queue-empty">
          <strong>No requests are waiting</strong>
          When a team lead asks for model access, the request appears here with its principals, models and
          justification. Sensitive models need two distinct approvers, and nobody approves their own request.
        </div>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Submitted</th>
              <th scope="col">Team</th>
              <th scope="col">Requested by</th>
              <th scope="col">Principals</th>
              <th scope="col">Models</th>
              <th scope="col">Approvals</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{dateFmt.format(new Date(r.createdAt))}</td>
                <td>{r.team.name}</td>
                <td>{r.requester.name}</td>
                <td className="mono">{r.principals.join('\n')}</td>
                <td>{r.models.map((m) => m.name).join(', ')}</td>
                <td>
                  {r.approvals} / {r.requiredApprovals}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
