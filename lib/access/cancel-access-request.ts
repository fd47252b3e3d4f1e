import { resolveDb, type TDb } from '@/lib/db';
import { can, type TActor } from '@/lib/auth/permissions';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ZCancelBody, type TDecisionBody } from './access-schemas';
import { ACCESS_REQUEST_SELECT, toAccessRequestView, type TAccessRequestView } from './access-request-view';
import { lockAccessRequest } from './lock-access-request';

/** Withdraws a request still waiting for a decision: its requester or a lead of its team may. */
export async function cancelAccessRequest(
  actor: TActor,
  id: string,
  body: TDecisionBody = {},
  db?: TDb,
  now = new Date(),
): Promise<TAccessRequestView> {
  const { comment } = parseOrThrow(ZCancelBody, body, 'cancellation');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const request = await lockAccessRequest(tx, id);
    const isRequester = request.requesterId === actor.userId;
    const isLead = can(actor, 'team:request-access', { teamId: request.team.id });
    if (!isRequester && !isLead) {
      // Someone who cannot even read the team learns nothing about the request.
      if (!can(actor, 'team:read', { teamId: request.team.id }))
        throw new AppError('NOT_FOUND', 'Access request was not found', { details: { id } });
      throw new AppError('FORBIDDEN', 'Only the requester or a lead of the team can cancel this request');
    }
    if (request.status !== 'PENDING' && request.status !== 'PENDING_SECOND_APPROVAL')
      throw new AppError(
        'CONFLICT',
        `The request is ${request.status.toLowerCase()} and can no longer be cancelled`,
        {
          details: { status: request.status },
        },
      );
    await tx.accessRequest.update({
      where: { id: request.id },
      data: { status: 'CANCELLED', decidedAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'access-request.cancel',
      targetType: 'AccessRequest',
      targetId: request.id,
      teamId: request.team.id,
      details: { from: request.status, to: 'CANCELLED', comment: comment || null },
    });
    return toAccessRequestView(
      await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id }, select: ACCESS_REQUEST_SELECT }),
    );
  });
}
