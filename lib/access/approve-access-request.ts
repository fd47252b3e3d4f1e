import { resolveDb, type TDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { startProvisioningRun } from '@/lib/provisioning/start-provisioning-run';
import { ZApproveBody, type TDecisionBody } from './access-schemas';
import { ACCESS_REQUEST_SELECT, toAccessRequestView, type TAccessRequestView } from './access-request-view';
import { computeRequestEffect } from './compute-request-effect';
import { lockAccessRequest } from './lock-access-request';

export interface TApproveResult {
  request: TAccessRequestView;
  /** Set when this approval was the last one needed and provisioning started. */
  runId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * An approver's yes. Nobody approves their own request; a two-approver request needs two distinct people (the
 * first moves it to PENDING_SECOND_APPROVAL). The final approval, in one transaction, records the decision, creates
 * one PENDING grant per principal × model, moves the request to PROVISIONING, audits, and enqueues the provisioning
 * run that applies the policy and reads it back (only that run makes anything ACTIVE).
 */
export async function approveAccessRequest(
  actor: TActor,
  id: string,
  body: TDecisionBody = {},
  db?: TDb,
  now = new Date(),
): Promise<TApproveResult> {
  assertCan(actor, 'requests:decide');
  const { comment } = parseOrThrow(ZApproveBody, body, 'approval');
  if (actor.system) throw new AppError('FORBIDDEN', 'Approvals are made by a person, not by the system');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const request = await lockAccessRequest(tx, id);
    if (request.requesterId === actor.userId)
      throw new AppError('FORBIDDEN', 'You cannot approve your own request: another approver must decide');
    if (request.status !== 'PENDING' && request.status !== 'PENDING_SECOND_APPROVAL')
      throw new AppError(
        'CONFLICT',
        `The request is ${request.status.toLowerCase()} and can no longer be approved`,
        {
          details: { status: request.status },
        },
      );
    if (request.approvals.some((a) => a.approver.email === actor.email && a.decision === 'APPROVE'))
      throw new AppError(
        'CONFLICT',
        'You have already approved this request: a second, different approver is needed',
      );

    const given = request.approvals.filter((a) => a.decision === 'APPROVE').length + 1;
    const final = given >= request.requiredApprovals;
    if (final) {
      // Re-check the budget at the moment it matters: other approvals may have landed since submission.
      const effect = await computeRequestEffect(
        tx,
        {
          team: request.team,
          principals: request.principals.map((p) => p.principal.arn),
          models: request.models.map((m) => m.model.policyKey),
          excludeRequestId: request.id,
        },
        now,
      );
      if (effect.refusal) throw new AppError('POLICY_TOO_LARGE', effect.refusal);
    }
    await tx.approval.create({
      data: {
        requestId: request.id,
        approverId: actor.userId,
        decision: 'APPROVE',
        comment: comment || null,
      },
      select: { id: true },
    });
    const nextStatus = final ? 'PROVISIONING' : 'PENDING_SECOND_APPROVAL';
    await tx.accessRequest.update({
      where: { id: request.id },
      data: { status: nextStatus, ...(final ? { decidedAt: now } : {}) },
      select: { id: true },
    });
    let runId: string | null = null;
    let grantCount = 0;
    if (final) {
      const principals = await tx.principal.findMany({
        where: { arn: { in: request.principals.map((p) => p.principal.arn) } },
        select: { id: true },
      });
      const models = await tx.model.findMany({
        where: { policyKey: { in: request.models.map((m) => m.model.policyKey) } },
        select: { id: true },
      });
      const expiresAt =
        request.durationDays === null ? null : new Date(now.getTime() + request.durationDays * DAY_MS);
      const rows = principals.flatMap((p) =>
        models.map((m) => ({
          teamId: request.team.id,
          principalId: p.id,
          modelId: m.id,
          requestId: request.id,
          status: 'PENDING' as const,
          source: 'REQUEST' as const,
          validFrom: now,
          expiresAt,
        })),
      );
      await tx.grant.createMany({ data: rows });
      grantCount = rows.length;
    }
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: final ? 'access-request.approve' : 'access-request.approve-first',
      targetType: 'AccessRequest',
      targetId: request.id,
      teamId: request.team.id,
      details: {
        from: request.status,
        to: nextStatus,
        approvals: given,
        requiredApprovals: request.requiredApprovals,
        comment: comment || null,
        ...(final ? { grants: grantCount } : {}),
      },
    });
    if (final) {
      ({ runId } = await startProvisioningRun(tx, {
        kind: 'apply-grants',
        requestId: request.id,
        triggeredById: actor.userId,
      }));
    }
    const after = await tx.accessRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: ACCESS_REQUEST_SELECT,
    });
    return { request: toAccessRequestView(after), runId };
  });
}
