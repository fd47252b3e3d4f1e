import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { getApprovalReview } from '@/lib/access/get-approval-review';
import { RequestDecisionClient } from '@/components/access/request-decision-client';
import { RequestEffect } from '@/components/access/request-effect';
import { StatusTimeline } from '@/components/access/status-timeline';
import { getRequestTimeline } from '@/lib/provisioning/get-request-timeline';
import { RequestSummary } from '@/components/access/request-summary';

export const metadata: Metadata = { title: 'Review access request' };

export default async function ApprovalDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor('requests:decide');
  const { id } = await params;
  const { request, effect } = await loadOrInterrupt(getApprovalReview(actor, id));
  const timeline = await loadOrInterrupt(getRequestTimeline(actor, id));
  const own = request.requester.email === actor.email;
  return (
    <>
      <p>
        <Link href="/approvals">← Approval queue</Link>
      </p>
      <h1>
        {request.team.name}: {request.models.map((m) => m.name).join(', ')}
      </h1>
      {own ? (
        <p className="error-box" role="note">
          This is your own request: another approver must decide.
        </p>
      ) : null}
      <RequestSummary request={request} />
      <RequestDecisionClient id={request.id} can={request.can} />
      <RequestEffect effect={effect} heading="Effect of approving" />
      <section aria-labelledby="usage-h" className="card">
        <h2 id="usage-h">Recent usage of {request.team.name}</h2>
        <p className="muted" data-testid="usage-placeholder">
          Usage appears once ingestion runs.
        </p>
      </section>
      <StatusTimeline requestId={request.id} initial={timeline} />
    </>
  );
}
