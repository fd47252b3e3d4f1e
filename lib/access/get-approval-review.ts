import { resolveDb, type TDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { computeRequestEffect, type TRequestEffect } from './compute-request-effect';
import { getAccessRequest, type TAccessRequestDetail } from './get-access-request';

export interface TApprovalReview {
  request: TAccessRequestDetail;
  effect: TRequestEffect;
}

/** What an approver reads before deciding: the request, and its effect on the policy compiled from the grants. */
export async function getApprovalReview(actor: TActor, id: string, db?: TDb): Promise<TApprovalReview> {
  assertCan(actor, 'requests:decide');
  const client = await resolveDb(db);
  const request = await getAccessRequest(actor, id, client);
  const team = await client.team.findUniqueOrThrow({
    where: { slug: request.team.slug },
    select: { id: true, slug: true },
  });
  const effect = await computeRequestEffect(client, {
    team,
    principals: request.principals,
    models: request.models.map((m) => m.policyKey),
    excludeRequestId: request.id,
  });
  return { request, effect };
}
