import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { getAccessRequest } from '@/lib/access/get-access-request';
import { RequestDecisionClient } from '@/components/access/request-decision-client';
import { StatusTimeline } from '@/components/access/status-timeline';
import { getRequestTimeline } from '@/lib/provisioning/get-request-timeline';
import { RequestSummary } from '@/components/access/request-summary';

export const metadata: Metadata = { title: 'Access request' };

export default async function TeamRequestPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const actor = await requirePageActor();
  const { slug, id } = await params;
  const request = await loadOrInterrupt(getAccessRequest(actor, id));
  if (request.team.slug !== slug) notFound();
  const timeline = await loadOrInterrupt(getRequestTimeline(actor, id));
  return (
    <>
      <p>
        <Link href={`/teams/${slug}`}>← {request.team.name}</Link>
      </p>
      <h1>Access request</h1>
      <StatusTimeline requestId={request.id} initial={timeline} />
      <RequestSummary request={request} />
      <RequestDecisionClient id={request.id} can={{ ...request.can, approve: false, reject: false }} />
    </>
  );
}
