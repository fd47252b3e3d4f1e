import { z } from 'zod';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { defaultAwsContext, type TAwsContext } from '@/lib/aws/clients';
import { resolveDb, type TDb } from '@/lib/db';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { adoptLivePolicy, releaseHaltedRuns, type TAdoptResult } from './adopt-live-policy';
import { loadEstateForProvisioning } from './policy-state';
import { startProvisioningRun } from './start-provisioning-run';

export const ZResolveDrift = z.object({ decision: z.enum(['reapply', 'adopt']) });
export type TResolveDrift = z.input<typeof ZResolveDrift>;

/**
 * The decision on drift (or on a first contact's imported policy). Re-apply: the portal wins, a run overwrites the
 * live policy with the compiled one. Adopt: the live access becomes out-of-band grants and the live document the new
 * baseline. Either way the runs that stopped on it resume. Admins only; audited.
 */
export async function resolveDrift(
  actor: TActor,
  input: TResolveDrift,
  options: { db?: TDb; aws?: TAwsContext } = {},
): Promise<{ decision: 'reapply' | 'adopt'; runId?: string; adopted?: TAdoptResult }> {
  assertCan(actor, 'admin:manage');
  const v = parseOrThrow(ZResolveDrift, input, 'drift decision');
  const db = await resolveDb(options.db);
  const estate = await loadEstateForProvisioning(db);
  if (v.decision === 'adopt') {
    const adopted = await adoptLivePolicy(db, options.aws ?? defaultAwsContext(), {
      actor: auditActorOf(actor),
      kind: 'ADOPT',
    });
    await db.estateSettings.update({ where: { id: 1 }, data: { firstContactPendingSince: null } });
    await releaseHaltedRuns(db);
    return { decision: 'adopt', adopted };
  }
  const runId = await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.driftFinding.updateMany({
      where: { serviceArn: estate.serviceArn, resolvedAt: null },
      data: { resolvedAt: now, resolution: 'REAPPLIED', resolvedById: userIdOf(actor) },
    });
    await tx.estateSettings.update({ where: { id: 1 }, data: { firstContactPendingSince: null } });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'drift.reapply',
      targetType: 'LatticeService',
      targetId: estate.serviceArn,
      details: {},
    });
    return (await startProvisioningRun(tx, { kind: 'reapply-policy', triggeredById: userIdOf(actor) })).runId;
  });
  return { decision: 'reapply', runId };
}
