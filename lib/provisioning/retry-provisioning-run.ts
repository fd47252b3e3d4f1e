import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors/app-error';

/**
 * Retry from the UI: a FAILED run goes back to the queue; its failed step runs again (steps that succeeded are kept)
 * and its request returns to PROVISIONING. Approvers and admins.
 */
export async function retryProvisioningRun(
  actor: TActor,
  runId: string,
  options: { db?: TDb } = {},
): Promise<{ runId: string; status: 'PENDING' }> {
  assertCan(actor, 'estate:read');
  const db = await resolveDb(options.db);
  const run = await db.provisioningRun.findUnique({
    where: { id: runId },
    select: { status: true, requestId: true, error: true },
  });
  if (!run) throw notFound('Provisioning run', { runId });
  if (run.status !== 'FAILED')
    throw new AppError('CONFLICT', `Only a failed run can be retried (this one is ${run.status})`);
  await db.$transaction(async (tx) => {
    await tx.provisioningStep.updateMany({
      where: { runId, status: 'FAILED' },
      data: { status: 'PENDING', error: null },
    });
    await tx.provisioningRun.update({
      where: { id: runId },
      data: { status: 'PENDING', error: null, finishedAt: null, notBefore: null, waitingFor: null },
    });
    if (run.requestId) {
      await tx.accessRequest.update({ where: { id: run.requestId }, data: { status: 'PROVISIONING' } });
    }
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'provisioning.run.retry',
      targetType: 'ProvisioningRun',
      targetId: runId,
      details: { requestId: run.requestId, previousError: run.error },
    });
  });
  return { runId, status: 'PENDING' };
}
