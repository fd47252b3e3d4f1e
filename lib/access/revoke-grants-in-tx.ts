import { recordAuditEvent, type TAuditActor } from '@/lib/audit/record-audit-event';
import type { Prisma } from '@/lib/generated/prisma/client';
import { startProvisioningRun } from '@/lib/provisioning/start-provisioning-run';

/**
 * Ends grants (REVOKED or EXPIRED) in the caller's transaction, audits each, closes the requests that have no grant
 * left in force, and starts one run that recompiles the policy without them. Overlapping grants of the same pair
 * keep the access: the policy is compiled from whatever is still active.
 */
export async function endGrantsInTx(
  tx: Prisma.TransactionClient,
  input: {
    grantIds: string[];
    status: 'REVOKED' | 'EXPIRED';
    actor: TAuditActor;
    reason?: string | null;
    now: Date;
    action: string;
    extraAudit?: Record<string, unknown>;
  },
): Promise<{ ended: number; runId: string | null }> {
  const grants = await tx.grant.findMany({
    where: { id: { in: input.grantIds }, status: { in: ['ACTIVE', 'PENDING'] } },
    select: {
      id: true,
      teamId: true,
      requestId: true,
      expiresAt: true,
      principal: { select: { arn: true, accountId: true } },
      model: { select: { policyKey: true } },
    },
  });
  if (grants.length === 0) return { ended: 0, runId: null };
  const ids = grants.map((g) => g.id);
  await tx.grant.updateMany({
    where: { id: { in: ids }, status: { in: ['ACTIVE', 'PENDING'] } },
    data:
      input.status === 'REVOKED'
        ? {
            status: 'REVOKED',
            revokedAt: input.now,
            revokedById: input.actor.userId ?? null,
            revokeReason: input.reason ?? null,
          }
        : { status: 'EXPIRED' },
  });
  for (const g of grants) {
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.action,
      targetType: 'Grant',
      targetId: g.id,
      teamId: g.teamId,
      details: {
        principal: g.principal.arn,
        model: g.model.policyKey,
        requestId: g.requestId,
        reason: input.reason ?? null,
        ...(input.extraAudit ?? {}),
      },
    });
  }
  const requestIds = [...new Set(grants.map((g) => g.requestId).filter((x): x is string => Boolean(x)))];
  for (const requestId of requestIds) {
    const left = await tx.grant.count({ where: { requestId, status: { in: ['ACTIVE', 'PENDING'] } } });
    if (left > 0) continue;
    const req = await tx.accessRequest.update({
      where: { id: requestId },
      data: { status: input.status },
      select: { teamId: true },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.status === 'REVOKED' ? 'access-request.revoke' : 'access-request.expire',
      targetType: 'AccessRequest',
      targetId: requestId,
      teamId: req.teamId,
      details: { reason: input.reason ?? null },
    });
  }
  const { runId } = await startProvisioningRun(tx, {
    kind: input.status === 'REVOKED' ? 'revoke-grants' : 'expire-grants',
    triggeredById: input.actor.userId ?? null,
    payload: { grantIds: ids, accounts: [...new Set(grants.map((g) => g.principal.accountId))] },
  });
  return { ended: grants.length, runId };
}
