import {
  iso,
  latticePage,
  withIdempotency,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { accessDenied, conflict, fieldError, resourceNotFound, validationError } from '../../errors';
import { LATTICE_ID_RE, SECURITY_GROUP_ID_RE, VPC_ID_RE } from '../../facts';
import { latticeArn, latticeId } from '../../ids';
import type { TVpcAssociationRecord } from '../core-state';
import { resolveServiceNetwork, storeTags, tokenMismatch, validateTags } from './common';

/**
 * Service-network VPC associations. Only the VPC's owner may associate it, naming the service network by ARN when
 * it lives in another account (and is shared with the VPC owner). A VPC has at most one association. Creation
 * and deletion are asynchronous: CREATE_IN_PROGRESS → ACTIVE and DELETE_IN_PROGRESS → gone after the delay.
 */
const VPC_RE = VPC_ID_RE;
const SG_RE = SECURITY_GROUP_ID_RE;
const SNVA_ID_RE = LATTICE_ID_RE.vpcAssociation;
const SNVA_ARN_RE =
  /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:servicenetworkvpcassociation\/snva-[0-9a-z]{17}$/;

function visibleTo(ctx: TCtx, a: TVpcAssociationRecord): boolean {
  return a.createdBy === ctx.caller.accountId || a.snOwnerAccountId === ctx.caller.accountId;
}

function resolveAssociation(
  ctx: TCtx,
  identifier: string | undefined,
  action: string,
): TVpcAssociationRecord {
  if (!identifier || !(SNVA_ID_RE.test(identifier) || SNVA_ARN_RE.test(identifier))) {
    throw fieldError(
      'serviceNetworkVpcAssociationIdentifier',
      'must be a service network VPC association id or ARN',
    );
  }
  const a = ctx.lattice.vpcAssociations.find((x) => x.id === identifier || x.arn === identifier);
  if (!a || (!visibleTo(ctx, a) && SNVA_ID_RE.test(identifier))) {
    throw resourceNotFound('SERVICE_NETWORK_VPC_ASSOCIATION', identifier);
  }
  if (!visibleTo(ctx, a)) {
    throw accessDenied(
      `User: ${ctx.caller.arn} is not authorized to perform: vpc-lattice:${action} on resource: ${a.arn}`,
    );
  }
  return a;
}

export function createVpcAssociation(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const {
    serviceNetworkIdentifier,
    vpcIdentifier,
    securityGroupIds,
    privateDnsEnabled,
    tags: rawTags,
    clientToken,
  } = req.json;
  if (typeof vpcIdentifier !== 'string' || !VPC_RE.test(vpcIdentifier)) {
    throw fieldError('vpcIdentifier', 'must be a VPC id (vpc-...)');
  }
  const sgs = securityGroupIds === undefined ? [] : securityGroupIds;
  if (!Array.isArray(sgs) || sgs.length > 5 || !sgs.every((s) => typeof s === 'string' && SG_RE.test(s))) {
    throw fieldError('securityGroupIds', 'must be at most 5 security group ids (sg-...)');
  }
  const tags = validateTags(rawTags);
  const params = { serviceNetworkIdentifier, vpcIdentifier, securityGroupIds: sgs, privateDnsEnabled, tags };
  return withIdempotency(
    ctx,
    'lattice:CreateServiceNetworkVpcAssociation',
    clientToken,
    params,
    () => tokenMismatch(clientToken),
    () => {
      const sn = resolveServiceNetwork(ctx, serviceNetworkIdentifier as string | undefined, {
        action: 'CreateServiceNetworkVpcAssociation',
      });
      const vpc = ctx.world.vpcs.find((v) => v.vpcId === vpcIdentifier);
      if (!vpc) throw resourceNotFound('VPC', vpcIdentifier, `VPC ${vpcIdentifier} does not exist`);
      if (vpc.ownerAccountId !== ctx.caller.accountId) {
        throw accessDenied(
          `User: ${ctx.caller.arn} is not authorized to perform: vpc-lattice:CreateServiceNetworkVpcAssociation on VPC ${vpcIdentifier}: ` +
            `the VPC is owned by account ${vpc.ownerAccountId}, and only the VPC owner can associate it`,
        );
      }
      const unknownSg = (sgs as string[]).find((sg) => !vpc.securityGroupIds.includes(sg));
      if (unknownSg) {
        throw validationError(`Security group ${unknownSg} does not belong to ${vpcIdentifier}`, [
          { name: 'securityGroupIds', message: `${unknownSg} is not a security group of ${vpcIdentifier}` },
        ]);
      }
      const existing = ctx.lattice.vpcAssociations.find((a) => a.vpcId === vpcIdentifier);
      if (existing) {
        throw conflict(
          'SERVICE_NETWORK_VPC_ASSOCIATION',
          existing.id,
          `VPC ${vpcIdentifier} already has a service network association (${existing.id}, ${existing.status})`,
        );
      }
      const id = latticeId('snva');
      const record: TVpcAssociationRecord = {
        id,
        arn: latticeArn(ctx.world.region, ctx.caller.accountId, 'servicenetworkvpcassociation', id),
        serviceNetworkId: sn.id,
        serviceNetworkArn: sn.arn,
        serviceNetworkName: sn.name,
        snOwnerAccountId: sn.accountId,
        vpcId: vpcIdentifier,
        createdBy: ctx.caller.accountId,
        securityGroupIds: sgs as string[],
        privateDnsEnabled: typeof privateDnsEnabled === 'boolean' ? privateDnsEnabled : undefined,
        status: 'CREATE_IN_PROGRESS',
        transitionAt: ctx.now + ctx.associationDelayMs,
        createdAt: ctx.now,
        lastUpdatedAt: ctx.now,
      };
      ctx.lattice.vpcAssociations.push(record);
      storeTags(ctx, record.arn, tags);
      ctx.dirty = true;
      return {
        status: 200,
        body: {
          id,
          arn: record.arn,
          status: record.status,
          createdBy: record.createdBy,
          securityGroupIds: record.securityGroupIds,
          privateDnsEnabled: record.privateDnsEnabled,
        },
      };
    },
  );
}

function view(a: TVpcAssociationRecord) {
  return {
    id: a.id,
    arn: a.arn,
    status: a.status,
    createdBy: a.createdBy,
    createdAt: iso(a.createdAt),
    lastUpdatedAt: iso(a.lastUpdatedAt),
    serviceNetworkId: a.serviceNetworkId,
    serviceNetworkName: a.serviceNetworkName,
    serviceNetworkArn: a.serviceNetworkArn,
    vpcId: a.vpcId,
    securityGroupIds: a.securityGroupIds,
    privateDnsEnabled: a.privateDnsEnabled,
  };
}

export function getVpcAssociation(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  return { status: 200, body: view(resolveAssociation(ctx, id, 'GetServiceNetworkVpcAssociation')) };
}

export function listVpcAssociations(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const snFilter = req.query.get('serviceNetworkIdentifier') ?? undefined;
  const vpcFilter = req.query.get('vpcIdentifier') ?? undefined;
  if (!snFilter && !vpcFilter) {
    throw validationError('Either serviceNetworkIdentifier or vpcIdentifier must be specified', [
      { name: 'serviceNetworkIdentifier', message: 'serviceNetworkIdentifier or vpcIdentifier is required' },
    ]);
  }
  let items = ctx.lattice.vpcAssociations.filter((a) => visibleTo(ctx, a));
  if (snFilter) {
    const sn = resolveServiceNetwork(ctx, snFilter, { action: 'ListServiceNetworkVpcAssociations' });
    items = items.filter((a) => a.serviceNetworkId === sn.id);
  }
  if (vpcFilter) items = items.filter((a) => a.vpcId === vpcFilter);
  const { page, nextToken } = latticePage(items, req.query);
  return {
    status: 200,
    body: {
      items: page.map((a) => {
        const { securityGroupIds: _s, ...summary } = view(a);
        return summary;
      }),
      nextToken,
    },
  };
}

export function deleteVpcAssociation(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const a = resolveAssociation(ctx, id, 'DeleteServiceNetworkVpcAssociation');
  if (a.status === 'CREATE_IN_PROGRESS') {
    throw conflict(
      'SERVICE_NETWORK_VPC_ASSOCIATION',
      a.id,
      'The association is still being created; retry when it is ACTIVE.',
    );
  }
  if (a.status !== 'DELETE_IN_PROGRESS') {
    a.status = 'DELETE_IN_PROGRESS';
    a.transitionAt = ctx.now + ctx.associationDelayMs;
    a.lastUpdatedAt = ctx.now;
    delete ctx.lattice.tags[a.arn];
    ctx.dirty = true;
  }
  return { status: 200, body: { id: a.id, arn: a.arn, status: a.status } };
}
