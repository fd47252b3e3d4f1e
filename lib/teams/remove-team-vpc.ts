import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZVpcId } from './team-schemas';

export const ZRemoveTeamVpc = z.object({ vpcId: ZVpcId });
export type TRemoveTeamVpc = z.input<typeof ZRemoveTeamVpc>;

/**
 * Forgets a VPC. Refused while it has a service-network association: deleting the record would leave a live
 * association in AWS that nothing tracks any more.
 */
export async function removeTeamVpc(
  actor: TActor,
  slug: string,
  input: TRemoveTeamVpc,
  db?: TDb,
): Promise<{ vpcId: string }> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZRemoveTeamVpc, input, 'VPC');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const vpc = await tx.vpc.findUnique({
      where: { vpcId: data.vpcId },
      select: { teamId: true, accountId: true, region: true, associationArn: true },
    });
    if (!vpc || vpc.teamId !== team.id)
      throw new AppError('NOT_FOUND', `${data.vpcId} is not a VPC of team "${slug}"`);
    const blocker = vpcRemovalBlocker(data.vpcId, vpc.associationArn);
    if (blocker) throw new AppError('CONFLICT', blocker);
    await tx.vpc.delete({ where: { vpcId: data.vpcId }, select: { id: true } });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.vpc.remove',
      targetType: 'vpc',
      targetId: data.vpcId,
      teamId: team.id,
      details: { vpcId: data.vpcId, accountId: vpc.accountId, region: vpc.region },
    });
    return { vpcId: data.vpcId };
  });
}

/** Why a VPC cannot be removed, or null. Shared with the teams-as-code prune. */
export function vpcRemovalBlocker(vpcId: string, associationArn: string | null): string | null {
  return associationArn
    ? `${vpcId} is associated with the service network; remove the association first`
    : null;
}
