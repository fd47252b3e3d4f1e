import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/app/_lib/require-actor';
import { listAuditEvents, ZAuditQuery } from '@/lib/audit/list-audit-events';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';

export const metadata: Metadata = { title: 'Audit log' };

const dateFmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor('audit:read');
  const parsed = ZAuditQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({});
  const [{ events, nextBefore }, chain] = await Promise.all([
    listAuditEvents(actor, query),
    verifyAuditChain(actor),
  ]);
  return (
    <>
      <h1>Audit log</h1>
      <p className="subtitle">
        Every change made through the portal, the CLI or the system, newest first (times in UTC).
      </p>
      <p className="card" data-testid="audit-chain" role="status">
        {chain.ok ? (
          <>
            <strong>Hash chain verifies</strong>: {chain.checked} events, each linked to the one before it
            {chain.unchained > 0 ? ` (${chain.unchained} older events predate the chain)` : ''}.
          </>
        ) : (
          <>
            <strong>Hash chain BROKEN</strong> at event {chain.firstBroken?.id} (#
            {chain.firstBroken?.seq ?? '-'}, {chain.firstBroken?.action}): {chain.firstBroken?.reason}. Run{' '}
            <code>npm run portal -- audit verify</code>.
          </>
        )}
      </p>
      <form className="toolbar" method="get">
        <label>
          Action starts with
          <input name="action" defaultValue={query.action ?? ''} placeholder="e.g. team." />
        </label>
        <label>
          Team slug
          <input name="team" defaultValue={query.team ?? ''} />
        </label>
        <button className="btn" type="submit">
          Filter
        </button>
        <a
          className="btn"
          href={`/api/v1/audit/export?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.team ? { team: query.team } : {}) }).toString()}`}
        >
          Download CSV
        </a>
      </form>
      {events.length === 0 ? (
        <div className="card empty">
          <strong>No events match</strong>
        </div>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Team</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{dateFmt.format(new Date(e.at))}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">
                  {e.targetType}:{e.targetId}
                </td>
                <td>{e.team ?? '—'}</td>
                <td className="mono">{JSON.stringify(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore ? (
        <p>
          <Link
            className="btn"
            href={`/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.team ? { team: query.team } : {}), before: nextBefore }).toString()}`}
          >
            Older events
          </Link>
        </p>
      ) : null}
    </>
  );
}
