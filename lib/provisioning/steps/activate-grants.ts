import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TStepDefinition } from '../step-types';

/**
 * Only after the policy was applied and read back (the policy step turned the grants ACTIVE under its lease): the
 * request becomes ACTIVE, in one transaction with its audit event and the policy hash that carries it.
 */
export const activateGrantsStep: TStepDefinition = {
  name: 'activate-grants',
  title: 'Mark the grants active',
  async run(ctx) {
    const requestId = ctx.run.requestId;
    if (!requestId) return { kind: 'skipped', output: { reason: 'the run has no request' } };
    const { db, clock } = ctx.ports;
    const run = await db.provisioningRun.findUniqueOrThrow({
      where: { id: ctx.run.id },
      select: { appliedPolicyHash: true, verifiedAt: true },
    });
    if (!run.appliedPolicyHash || !run.verifiedAt) {
      throw new Error('The policy was not applied and read back; grants stay pending');
    }
    const now = clock.now();
    const activated = await db.$transaction(async (tx) => {
      // The policy step already activated them under its lease; this catches a run resumed from an older version.
      await tx.grant.updateMany({ where: { requestId, status: 'PENDING' }, data: { status: 'ACTIVE' } });
      const out = { count: await tx.grant.count({ where: { requestId, status: 'ACTIVE' } }) };
      const req = await tx.accessRequest.update({
        where: { id: requestId },
        data: { status: 'ACTIVE', updatedAt: now },
        select: { teamId: true },
      });
      await recordAuditEvent(tx, {
        actor: { label: 'system' },
        action: 'access-request.active',
        targetType: 'AccessRequest',
        targetId: requestId,
        teamId: req.teamId,
        details: { runId: ctx.run.id, grants: out.count, policyHash: run.appliedPolicyHash },
      });
      return out.count;
    });
    return { kind: 'done', output: { activated, policyHash: run.appliedPolicyHash } };
  },
};
