import { deleteVpcAssociation } from '@/lib/aws/lattice';
import { disassociatePrincipals, listSharePrincipals } from '@/lib/aws/ram';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TStepDefinition } from '../step-types';

/**
 * After grants went away: where the estate settings say so, an account with no active or pending grant left loses
 * its RAM principal on the share, and the team's VPCs in it lose the association the portal made. Overlapping
 * grants keep both: only accounts with nothing left are touched.
 */
export const removeUnusedAccessStep: TStepDefinition = {
  name: 'remove-unused-access',
  title: 'Remove RAM sharing and VPC associations no longer needed',
  async run(ctx) {
    if (!ctx.estate.removeUnusedAccess) {
      return {
        kind: 'skipped',
        output: { reason: 'estate settings keep RAM principals and VPC associations' },
      };
    }
    const { db } = ctx.ports;
    const accounts = ((ctx.run.payload.accounts as string[] | undefined) ?? []).filter(Boolean);
    const removed: { account: string; ram: boolean; vpcs: string[] }[] = [];
    for (const account of accounts) {
      const left = await db.grant.count({
        where: { principal: { accountId: account }, status: { in: ['ACTIVE', 'PENDING'] } },
      });
      if (left > 0) continue;
      const entry = { account, ram: false, vpcs: [] as string[] };
      if (ctx.estate.resourceShareArn) {
        const shareArn = ctx.estate.resourceShareArn;
        const network = ctx.clients('network');
        const principals = await ctx.call('ram:GetResourceShareAssociations', () =>
          listSharePrincipals(network, { resourceShareArn: shareArn }),
        );
        if (principals.some((p) => p.entity === account && p.status === 'ASSOCIATED')) {
          await ctx.call('ram:DisassociateResourceShare', () =>
            disassociatePrincipals(network, { resourceShareArn: shareArn, principals: [account] }),
          );
          entry.ram = true;
        }
      }
      const vpcs = await db.vpc.findMany({
        where: { accountId: account, associationArn: { not: null } },
        select: { vpcId: true, associationArn: true },
      });
      for (const v of vpcs) {
        const owner = ctx.clients({ workloadAccountId: account });
        await ctx.call('vpc-lattice:DeleteServiceNetworkVpcAssociation', async () => {
          try {
            return await deleteVpcAssociation(owner, {
              serviceNetworkVpcAssociationIdentifier: v.associationArn!,
            });
          } catch (error) {
            if ((error as { code?: string }).code === 'NOT_FOUND') return null;
            throw error;
          }
        });
        await db.vpc.update({
          where: { vpcId: v.vpcId },
          data: { associationArn: null, associationStatus: null },
        });
        entry.vpcs.push(v.vpcId);
      }
      await db.$transaction((tx) =>
        recordAuditEvent(tx, {
          actor: { label: 'system' },
          action: 'estate.remove-unused-access',
          targetType: 'AwsAccount',
          targetId: account,
          details: { runId: ctx.run.id, ram: entry.ram, vpcs: entry.vpcs },
        }),
      );
      removed.push(entry);
    }
    return { kind: 'done', output: { removed } };
  },
};
