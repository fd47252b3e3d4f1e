import {
  iso,
  latticePage,
  withIdempotency,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { accessDenied, conflict, fieldError, resourceNotFound, validationError } from '../../errors';
import { latticeArn, latticeId } from '../../ids';
import type { TServiceAssociationRecord } from '../core-state';
import { resolveService, resolveServiceNetwork, storeTags, tokenMismatch, validateTags } from './common';

/**
 * Service-network service associations. The caller must own the service or the service network (it cannot join
 * two things that are both merely shared with it); the other side must be visible to it.
 */
const SNSA_ID_RE = /^snsa-[0-9a-z]{17}$/;

function visibleTo(ctx: TCtx, a: TServiceAssociationRecord): boolean {
  const me = ctx.caller.accountId;
  return a.createdBy === me || a.snOwnerAccountId === me || a.serviceOwnerAccountId === me;
}

function resolveAssociation(ctx: TCtx, identifier: string | undefined): TServiceAssociationRecord {
  const a = ctx.lattice.serviceAssociations.find((x) => x.id === identifier || x.arn === identifier);
  if (!identifier || !a || (!visibleTo(ctx, a) && SNSA_ID_RE.test(identifier))) {
    throw resourceNotFound('SERVICE_NETWORK_SERVICE_ASSOCIATION', identifier ?? '');
  }
  if (!visibleTo(ctx, a)) throw accessDenied(`User: ${ctx.caller.arn} is not authorized to access ${a.arn}`);
  return a;
}

export function createServiceAssociation(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const { serviceIdentifier, serviceNetworkIdentifier, tags: rawTags, clientToken } = req.json;
  const tags = validateTags(rawTags);
  const params = { serviceIdentifier, serviceNetworkIdentifier, tags };
  return withIdempotency(
    ctx,
    'lattice:CreateServiceNetworkServiceAssociation',
    clientToken,
    params,
    () => tokenMismatch(clientToken),
    () => {
      const action = 'CreateServiceNetworkServiceAssociation';
      const svc = resolveService(ctx, serviceIdentifier as string | undefined, { action });
      const sn = resolveServiceNetwork(ctx, serviceNetworkIdentifier as string | undefined, { action });
      if (svc.accountId !== ctx.caller.accountId && sn.accountId !== ctx.caller.accountId) {
        throw accessDenied(`${ctx.caller.arn} must own the service or the service network to associate them`);
      }
      const existing = ctx.lattice.serviceAssociations.find(
        (a) => a.serviceId === svc.id && a.serviceNetworkId === sn.id,
      );
      if (existing) {
        throw conflict(
          'SERVICE_NETWORK_SERVICE_ASSOCIATION',
          existing.id,
          `Service ${svc.id} is already associated with ${sn.id}`,
        );
      }
      const id = latticeId('snsa');
      const record: TServiceAssociationRecord = {
        id,
        arn: latticeArn(ctx.world.region, ctx.caller.accountId, 'servicenetworkserviceassociation', id),
        serviceNetworkId: sn.id,
        serviceNetworkArn: sn.arn,
        serviceNetworkName: sn.name,
        snOwnerAccountId: sn.accountId,
        serviceId: svc.id,
        serviceArn: svc.arn,
        serviceName: svc.name,
        serviceOwnerAccountId: svc.accountId,
        dnsEntry: svc.dnsEntry,
        createdBy: ctx.caller.accountId,
        status: 'CREATE_IN_PROGRESS',
        transitionAt: ctx.now + ctx.associationDelayMs,
        createdAt: ctx.now,
        lastUpdatedAt: ctx.now,
      };
      ctx.lattice.serviceAssociations.push(record);
      storeTags(ctx, record.arn, tags);
      ctx.dirty = true;
      return {
        status: 200,
        body: {
          id,
          arn: record.arn,
          status: record.status,
          createdBy: record.createdBy,
          dnsEntry: record.dnsEntry,
        },
      };
    },
  );
}

function view(a: TServiceAssociationRecord) {
  return {
    id: a.id,
    arn: a.arn,
    status: a.status,
    createdBy: a.createdBy,
    createdAt: iso(a.createdAt),
    serviceId: a.serviceId,
    serviceName: a.serviceName,
    serviceArn: a.serviceArn,
    serviceNetworkId: a.serviceNetworkId,
    serviceNetworkName: a.serviceNetworkName,
    serviceNetworkArn: a.serviceNetworkArn,
    dnsEntry: a.dnsEntry,
  };
}

export function getServiceAssociation(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  return { status: 200, body: view(resolveAssociation(ctx, id)) };
}

export function listServiceAssociations(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const snFilter = req.query.get('serviceNetworkIdentifier') ?? undefined;
  const svcFilter = req.query.get('serviceIdentifier') ?? undefined;
  if (!snFilter && !svcFilter) {
    throw validationError('Either serviceNetworkIdentifier or serviceIdentifier must be specified', [
      {
        name: 'serviceNetworkIdentifier',
        message: 'serviceNetworkIdentifier or serviceIdentifier is required',
      },
    ]);
  }
  const action = 'ListServiceNetworkServiceAssociations';
  let items = ctx.lattice.serviceAssociations.filter((a) => visibleTo(ctx, a));
  if (snFilter) {
    const sn = resolveServiceNetwork(ctx, snFilter, { action });
    items = items.filter((a) => a.serviceNetworkId === sn.id);
  }
  if (svcFilter) {
    const svc = resolveService(ctx, svcFilter, { action });
    items = items.filter((a) => a.serviceId === svc.id);
  }
  const { page, nextToken } = latticePage(items, req.query);
  return { status: 200, body: { items: page.map(view), nextToken } };
}

export function deleteServiceAssociation(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  if (!id) throw fieldError('serviceNetworkServiceAssociationIdentifier', 'is required');
  const a = resolveAssociation(ctx, id);
  if (a.status === 'CREATE_IN_PROGRESS') {
    throw conflict(
      'SERVICE_NETWORK_SERVICE_ASSOCIATION',
      a.id,
      'The association is still being created; retry when it is ACTIVE.',
    );
  }
  if (a.status !== 'DELETE_IN_PROGRESS') {
    a.status = 'DELETE_IN_PROGRESS';
    a.transitionAt = ctx.now + ctx.associationDelayMs;
    a.lastUpdatedAt = ctx.now;
    ctx.dirty = true;
  }
  return { status: 200, body: { id: a.id, arn: a.arn, status: a.status } };
}
