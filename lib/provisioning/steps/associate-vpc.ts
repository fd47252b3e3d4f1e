import {
  createVpcAssociation,
  deleteVpcAssociation,
  getVpcAssociation,
  listVpcAssociations,
} from '@/lib/aws/lattice';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import type { TStepDefinition } from '../step-types';
import { loadRequestTargets } from './request-accounts';

const POLL_MS = 100;

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * VPC association, if the request names a VPC: created from the team's account (the VPC owner) with the requested
 * security groups, then polled until ACTIVE. An existing association of that VPC with this service network is
 * reused when its security groups match and reported when they differ; CREATE_FAILED fails the step with the reason
 * (a retry deletes the failed association first).
 */
export const associateVpcStep: TStepDefinition = {
  name: 'associate-vpc',
  title: 'Associate the team VPC with the service network',
  async run(ctx) {
    if (!ctx.run.requestId) return { kind: 'skipped', output: { reason: 'the run has no request' } };
    const targets = await loadRequestTargets(ctx.ports.db, ctx.run.requestId);
    if (!targets.vpcId || !targets.vpc)
      return { kind: 'skipped', output: { reason: 'no VPC was requested' } };
    const vpcId = targets.vpcId;
    const wanted = targets.securityGroupIds.length ? targets.securityGroupIds : targets.vpc.securityGroupIds;
    const owner = ctx.clients({ workloadAccountId: targets.vpc.accountId });
    const snArn = ctx.estate.serviceNetworkArn;

    const all = await ctx.call('vpc-lattice:ListServiceNetworkVpcAssociations', () =>
      listVpcAssociations(owner, { vpcIdentifier: vpcId }),
    );
    const ours = all.filter((a) => a.serviceNetworkArn === snArn || snArn.endsWith(`/${a.serviceNetworkId}`));
    const other = all.find(
      (a) => !ours.includes(a) && !a.status.startsWith('DELETE') && a.status !== 'CREATE_FAILED',
    );
    if (other) {
      throw new AppError(
        'CONFLICT',
        `VPC ${vpcId} is already associated with another service network (${other.serviceNetworkArn ?? other.serviceNetworkId}); a VPC can join only one`,
      );
    }
    for (const failed of ours.filter((a) => a.status === 'CREATE_FAILED')) {
      if (ctx.previousOutput?.associationArn === failed.arn) {
        throw new AppError(
          'AWS_ERROR',
          `The VPC association ${failed.id} of ${vpcId} ended in CREATE_FAILED`,
        );
      }
      await ctx.call('vpc-lattice:DeleteServiceNetworkVpcAssociation', () =>
        deleteVpcAssociation(owner, { serviceNetworkVpcAssociationIdentifier: failed.arn }),
      );
    }
    let live = ours.find((a) => a.status === 'ACTIVE' || a.status === 'CREATE_IN_PROGRESS');
    let reused = Boolean(live) && ctx.previousOutput?.associationArn !== live?.arn;
    let differs: { wanted: string[]; actual: string[] } | null = null;
    if (!live) {
      const created = await ctx.call('vpc-lattice:CreateServiceNetworkVpcAssociation', () =>
        createVpcAssociation(owner, {
          serviceNetworkIdentifier: snArn,
          vpcIdentifier: vpcId,
          securityGroupIds: wanted,
          clientToken: `${ctx.run.id}-vpc`.slice(0, 64),
        }),
      );
      reused = false;
      live = { ...created, vpcId, securityGroupIds: created.securityGroupIds };
    }
    const detail = await ctx.call('vpc-lattice:GetServiceNetworkVpcAssociation', () =>
      getVpcAssociation(owner, { serviceNetworkVpcAssociationIdentifier: live.arn }),
    );
    const output = {
      associationArn: detail.arn,
      associationId: detail.id,
      status: detail.status,
      securityGroupIds: detail.securityGroupIds ?? [],
      reused,
    };
    await ctx.ports.db.vpc.update({
      where: { vpcId },
      data: { associationArn: detail.arn, associationStatus: detail.status },
    });
    if (detail.status === 'CREATE_FAILED') {
      throw new AppError('AWS_ERROR', `The VPC association ${detail.id} of ${vpcId} ended in CREATE_FAILED`);
    }
    if (detail.status !== 'ACTIVE') {
      return {
        kind: 'wait',
        waitingFor: `waiting for the VPC association of ${vpcId} to become ACTIVE`,
        retryInMs: POLL_MS,
        output,
      };
    }
    if (reused && !sameSet(detail.securityGroupIds ?? [], wanted)) {
      differs = { wanted, actual: detail.securityGroupIds ?? [] };
      await ctx.ports.db.$transaction(async (tx) => {
        await recordAuditEvent(tx, {
          actor: { label: 'system' },
          action: 'vpc-association.differs',
          targetType: 'Vpc',
          targetId: vpcId,
          teamId: targets.teamId,
          details: { runId: ctx.run.id, associationArn: detail.arn, ...differs },
        });
      });
    }
    return { kind: 'done', output: { ...output, differs } };
  },
};
