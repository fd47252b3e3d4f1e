'use client';

import { useState } from 'react';
import Link from 'next/link';
import { RequestStatusBadge } from '@/components/access/request-status-badge';
import { useBulkApproveAccessRequests } from '@/components/access/hooks/use-bulk-approve-access-requests';
import type { TAccessRequestView } from '@/lib/access/access-request-view';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function QueueClient({ requests, me }: { requests: TAccessRequestView[]; me: string }) {
  const [selected, setSelected] = useState<string[]>([]);
  const bulk = useBulkApproveAccessRequests();
  const selectable = requests.filter((r) => r.requester.email !== me);
  const failed = bulk.data?.results.filter((r) => !r.ok) ?? [];
  return (
    <>
      <div className="toolbar">
        <button
          type="button"
          className="btn primary"
          disabled={selected.length === 0 || bulk.isPending}
          onClick={() => bulk.mutate({ ids: selected }, { onSuccess: () => setSelected([]) })}
        >
          {bulk.isPending ? 'Approving…' : `Approve selected (${selected.length})`}
        </button>
        {bulk.data ? (
          <span role="status">
            {bulk.data.results.filter((r) => r.ok).length} approved
            {failed.length ? `, ${failed.length} not: ${failed.map((f) => f.error?.message).join('; ')}` : ''}
          </span>
        ) : null}
        {bulk.error ? (
          <span className="error-box" role="alert">
            {bulk.error.message}
          </span>
        ) : null}
      </div>
      <table data-testid="queue">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every request you may approve"
                checked={selectable.length > 0 && selected.length === selectable.length}
                onChange={(e) => setSelected(e.target.checked ? selectable.map((r) => r.id) : [])}
              />
            </th>
            <th scope="col">Submitted</th>
            <th scope="col">Team</th>
            <th scope="col">Requested by</th>
            <th scope="col">Principals</th>
            <th scope="col">Models</th>
            <th scope="col">Duration</th>
            <th scope="col">Approvals</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => {
            const own = r.requester.email === me;
            return (
              <tr key={r.id} data-request-id={r.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select the request of ${r.team.name} from ${dateFmt.format(new Date(r.createdAt))}`}
                    disabled={own}
                    title={own ? 'Your own request: another approver must decide' : undefined}
                    checked={selected.includes(r.id)}
                    onChange={(e) =>
                      setSelected(e.target.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))
                    }
                  />
                </td>
                <td>
                  <Link href={`/approvals/${r.id}`}>{dateFmt.format(new Date(r.createdAt))}</Link>
                </td>
                <td>{r.team.name}</td>
                <td>{r.requester.name}</td>
                <td className="mono">
                  {r.principals.map((p) => (
                    <div key={p}>{p}</div>
                  ))}
                </td>
                <td>
                  {r.models.map((m) => (
                    <div key={m.policyKey}>
                      {m.name} <span className="badge">{m.tier.toLowerCase()}</span>
                    </div>
                  ))}
                </td>
                <td>{r.durationDays === null ? 'until revoked' : `${r.durationDays} days`}</td>
                <td>
                  {r.approvalsGiven} / {r.requiredApprovals} <RequestStatusBadge status={r.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
