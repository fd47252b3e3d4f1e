import { z } from 'zod';
import { safeNameRefine } from '@/lib/validation/safe-text';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { VPC_VIEW_SELECT, type TTeamVpcView } from './add-team-vpc';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZEnvironment, ZSecurityGroupIds, ZVpcId } from './team-schemas';

export const ZUpdateTeamVpc = z.object({
  vpcId: ZVpcId,
  securityGroupIds: ZSecurityGroupIds.optional(),
  environment: ZEnvironment.optional(),
  name: z
    .string()
    .trim()
    .max(120)
    .refine(...safeNameRefine)
    .nullable()
    .optional(),
});
export type TUpdateTeamVpc = z.input<typeof ZUpdateTeamVpc>;

/**
 * Changes a VPC's security groups, environment or name. An existing service-network association is not changed
 * here: the next provisioning run applies the new security groups.
 */
export async function updateTeamVpc(
  actor: TActor,
  slug: string,
  input: TUpdateTeamVpc,
  db?: TDb,
): Promise<TTeamVpcView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUpdateTeamVpc, input, 'VPC');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const before = await tx.vpc.findUnique({
      where: { vpcId: data.vpcId },
      select: { teamId: true, ...VPC_VIEW_SELECT },
    });
    if (!before || before.teamId !== team.id)
      throw new AppError('NOT_FOUND', `${data.vpcId} is not a VPC of team "${slug}"`);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (data.securityGroupIds && data.securityGroupIds.join(',') !== before.securityGroupIds.join(',')) {
      changes.securityGroupIds = { from: before.securityGroupIds, to: data.securityGroupIds };
    }
    if (data.environment !== undefined && data.environment !== before.environment) {
      changes.environment = { from: before.environment, to: data.environment };
    }
    if (data.name !== undefined && (data.name || null) !== before.name)
      changes.name = { from: before.name, to: data.name || null };
    if (Object.keys(changes).length === 0) {
      const { teamId: _teamId, ...view } = before;
      return view;
    }
    const vpc = await tx.vpc.update({
      where: { vpcId: data.vpcId },
      data: {
        ...(changes.securityGroupIds ? { securityGroupIds: data.securityGroupIds } : {}),
        ...(changes.environment ? { environment: data.environment } : {}),
        ...(changes.name ? { name: data.name || null } : {}),
      },
      select: VPC_VIEW_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.vpc.update',
      targetType: 'vpc',
      targetId: vpc.vpcId,
      teamId: team.id,
      details: { vpcId: vpc.vpcId, changes },
    });
    return vpc;
  });
}
