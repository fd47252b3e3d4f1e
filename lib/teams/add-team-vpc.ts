import { z } from 'zod';
import { safeNameRefine } from '@/lib/validation/safe-text';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZAccountId, ZEnvironment, ZRegion, ZSecurityGroupIds, ZVpcId } from './team-schemas';

export const ZAddTeamVpc = z.object({
  vpcId: ZVpcId,
  accountId: ZAccountId,
  region: ZRegion,
  environment: ZEnvironment.default('default'),
  securityGroupIds: ZSecurityGroupIds.default([]),
  name: z
    .string()
    .trim()
    .max(120)
    .refine(...safeNameRefine)
    .optional(),
});
export type TAddTeamVpc = z.input<typeof ZAddTeamVpc>;

export interface TTeamVpcView {
  vpcId: string;
  accountId: string;
  region: string;
  environment: string;
  securityGroupIds: string[];
  name: string | null;
  associationStatus: string | null;
}

export const VPC_VIEW_SELECT = {
  vpcId: true,
  accountId: true,
  region: true,
  environment: true,
  securityGroupIds: true,
  name: true,
  associationStatus: true,
} as const;

/** Records a VPC of one of the team's accounts; the service-network association is made later by provisioning. */
export async function addTeamVpc(
  actor: TActor,
  slug: string,
  input: TAddTeamVpc,
  db?: TDb,
): Promise<TTeamVpcView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZAddTeamVpc, input, 'VPC');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const account = await tx.awsAccount.findUnique({
      where: { accountId: data.accountId },
      select: { teamId: true },
    });
    if (!account || account.teamId !== team.id) {
      throw new AppError('VALIDATION', `Account ${data.accountId} is not an account of team "${slug}"`, {
        issues: [{ path: 'accountId', message: "is not one of this team's accounts" }],
      });
    }
    const existing = await tx.vpc.findUnique({
      where: { vpcId: data.vpcId },
      select: { team: { select: { slug: true } } },
    });
    if (existing) {
      throw new AppError('CONFLICT', `${data.vpcId} is already recorded for team "${existing.team.slug}"`, {
        issues: [{ path: 'vpcId', message: `is already recorded for team "${existing.team.slug}"` }],
      });
    }
    const vpc = await tx.vpc.create({
      data: {
        vpcId: data.vpcId,
        teamId: team.id,
        accountId: data.accountId,
        region: data.region,
        environment: data.environment,
        securityGroupIds: data.securityGroupIds,
        name: data.name || null,
      },
      select: VPC_VIEW_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.vpc.add',
      targetType: 'vpc',
      targetId: vpc.vpcId,
      teamId: team.id,
      details: {
        vpcId: vpc.vpcId,
        accountId: vpc.accountId,
        region: vpc.region,
        environment: vpc.environment,
        securityGroupIds: vpc.securityGroupIds,
      },
    });
    return vpc;
  });
}
