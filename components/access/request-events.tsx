import type { TAccessRequestDetail } from '@/lib/access/get-access-request';
import { RequestStatusBadge } from './request-status-badge';

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/**
 * The request's events in order, from the database: requested → decisions → provisioning steps → final status.
 * A stand-in for the live status timeline of the provisioning engine, which replaces it where it is available.
 */
export function RequestEvents({ request }: { request: TAccessRequestDetail }) {
  const events: { at: string | null; label: string; status?: string; detail?: string | null }[] = [
    { at: request.createdAt, label: `Requested by ${request.requester.name}` },
    ...request.approvals.map((a) => ({
      at: a.at,
      label: `${a.decision === 'APPROVE' ? 'Approved' : 'Rejected'} by ${a.approver.name}`,
      detail: a.comment,
    })),
    ...request.runs.flatMap((r) => [
      { at: r.createdAt, label: `Provisioning run (${r.kind})`, status: r.status, detail: r.error },
      ...r.steps.map((s) => ({
        at: s.finishedAt ?? s.startedAt,
        label: `Step ${s.name}${s.attempts > 1 ? ` (attempt ${s.attempts})` : ''}`,
        status: s.status,
        detail: s.error,
      })),
    ]),
  ];
  return (
    <section aria-labelledby="events-h" className="card" data-testid="request-events">
      <h2 id="events-h">
        Status <RequestStatusBadge status={request.status} />
      </h2>
      <ol>
        {events.map((e, i) => (
          <li key={i}>
            {e.at ? <span className="muted">{dateFmt.format(new Date(e.at))} </span> : null}
            {e.label} {e.status ? <RequestStatusBadge status={e.status} /> : null}
            {e.detail ? <div className="muted">{e.detail}</div> : null}
          </li>
        ))}
      </ol>
      {request.grants.length > 0 ? (
        <>
          <h3>Grants</h3>
          <ul data-testid="request-grants">
            {request.grants.map((g) => (
              <li key={g.id}>
                <span className="mono">{g.principal}</span> → <span className="mono">{g.model}</span>{' '}
                <RequestStatusBadge status={g.status} />{' '}
                <span className="muted">
                  {g.expiresAt ? `until ${dateFmt.format(new Date(g.expiresAt))}` : 'until revoked'}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
