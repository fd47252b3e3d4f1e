import { resolveDb, type TDb } from '@/lib/db';
import type { TActor } from '@/lib/auth/permissions';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ZCreateAccessRequest } from './access-schemas';
import { ACCESS_REQUEST_SELECT, toAccessRequestView, type TAccessRequestView } from './access-request-view';
import { computeRequestEffect } from './compute-request-effect';
import { resolveAccessRequestInput } from './resolve-access-request-input';

/**
 * A team lead asks for principals × models (× a VPC association). Refused, not queued, when the auth policy
 * could not hold it within 10 KB. Overlapping an existing grant or pending request is allowed (the preview
 * shows it).
 */
export async function createAccessRequest(
  actor: TActor,
  input: unknown,
  db?: TDb,
): Promise<TAccessRequestView> {
  const client = await resolveDb(db);
  const parsed = parseOrThrow(ZCreateAccessRequest, input, 'access request');
  if (actor.system)
    throw new AppError('FORBIDDEN', 'Access requests are made by a team lead, not by the system');
  return client.$transaction(async (tx) => {
    const resolved = await resolveAccessRequestInput(tx, actor, parsed);
    const effect = await computeRequestEffect(tx, {
      team: resolved.team,
      principals: resolved.principals.map((p) => p.arn),
      models: resolved.models.map((m) => m.policyKey),
    });
    if (effect.refusal) {
      throw new AppError('POLICY_TOO_LARGE', effect.refusal, {
        details: { afterBytes: effect.policy.afterBytes, maxBytes: effect.policy.maxBytes },
      });
    }
    const row = await tx.accessRequest.create({
      data: {
        teamId: resolved.team.id,
        requesterId: actor.userId,
        justification: parsed.justification,
        durationDays: resolved.durationDays,
        vpcId: resolved.vpc?.vpcId ?? null,
        securityGroupIds: resolved.securityGroupIds,
        requiredApprovals: resolved.requiredApprovals,
        principals: { create: resolved.principals.map((p) => ({ principalId: p.id })) },
        models: { create: resolved.models.map((m) => ({ modelId: m.id })) },
      },
      select: ACCESS_REQUEST_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'access-request.create',
      targetType: 'AccessRequest',
      targetId: row.id,
      teamId: resolved.team.id,
      details: {
        principals: resolved.principals.map((p) => p.arn),
        models: resolved.models.map((m) => m.policyKey),
        durationDays: resolved.durationDays,
        vpcId: resolved.vpc?.vpcId ?? null,
        securityGroupIds: resolved.securityGroupIds,
        requiredApprovals: resolved.requiredApprovals,
        policyBytesAfter: effect.policy.afterBytes,
      },
    });
    return toAccessRequestView(row);
  });
}
