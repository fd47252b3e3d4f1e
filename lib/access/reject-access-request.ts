import { resolveDb, type TDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ZRejectBody, type TDecisionBody } from './access-schemas';
import { ACCESS_REQUEST_SELECT, toAccessRequestView, type TAccessRequestView } from './access-request-view';
import { lockAccessRequest } from './lock-access-request';

/** An approver's no, with the reason the requester will read. A requester withdraws their own by cancelling. */
export async function rejectAccessRequest(
  actor: TActor,
  id: string,
  body: TDecisionBody,
  db?: TDb,
  now = new Date(),
): Promise<TAccessRequestView> {
  assertCan(actor, 'requests:decide');
  const { comment } = parseOrThrow(ZRejectBody, body, 'rejection');
  if (actor.system) throw new AppError('FORBIDDEN', 'Rejections are made by a person, not by the system');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const request = await lockAccessRequest(tx, id);
    if (request.requesterId === actor.userId)
      throw new AppError('FORBIDDEN', 'You cannot decide on your own request: cancel it instead');
    if (request.status !== 'PENDING' && request.status !== 'PENDING_SECOND_APPROVAL')
      throw new AppError(
        'CONFLICT',
        `The request is ${request.status.toLowerCase()} and can no longer be rejected`,
        {
          details: { status: request.status },
        },
      );
    // A first approver may change their mind: their earlier approval is replaced by this rejection.
    await tx.approval.upsert({
      where: { requestId_approverId: { requestId: request.id, approverId: actor.userId } },
      create: { requestId: request.id, approverId: actor.userId, decision: 'REJECT', comment },
      update: { decision: 'REJECT', comment, createdAt: now },
      select: { id: true },
    });
    await tx.accessRequest.update({
      where: { id: request.id },
      data: { status: 'REJECTED', decidedAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'access-request.reject',
      targetType: 'AccessRequest',
      targetId: request.id,
      teamId: request.team.id,
      details: { from: request.status, to: 'REJECTED', comment },
    });
    return toAccessRequestView(
      await tx.accessRequest.findUniqueOrThrow({ where: { id: request.id }, select: ACCESS_REQUEST_SELECT }),
    );
  });
}
