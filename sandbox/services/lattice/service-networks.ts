import {
  iso,
  latticePage,
  withIdempotency,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { conflict, fieldError } from '../../errors';
import { latticeArn, latticeId } from '../../ids';
import type { TServiceNetworkRecord } from '../core-state';
import {
  dropResourceExtras,
  isSharedWith,
  NAME_RE,
  resolveServiceNetwork,
  storeTags,
  tokenMismatch,
  validateAuthType,
  validateTags,
} from './common';

function counts(ctx: TCtx, sn: TServiceNetworkRecord) {
  return {
    numberOfAssociatedVPCs: ctx.lattice.vpcAssociations.filter(
      (a) => a.serviceNetworkId === sn.id && a.status !== 'DELETE_IN_PROGRESS',
    ).length,
    numberOfAssociatedServices: ctx.lattice.serviceAssociations.filter(
      (a) => a.serviceNetworkId === sn.id && a.status !== 'DELETE_IN_PROGRESS',
    ).length,
  };
}

export function createServiceNetwork(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const { name, authType: rawAuth, tags: rawTags, sharingConfig, clientToken } = req.json;
  if (typeof name !== 'string' || name.length < 3 || name.length > 63 || !NAME_RE.test(name)) {
    throw fieldError(
      'name',
      'must be 3-63 characters of [a-z0-9-], without leading, trailing or double hyphens',
    );
  }
  const authType = validateAuthType(rawAuth) ?? 'NONE';
  const tags = validateTags(rawTags);
  const sharingEnabled =
    sharingConfig && typeof sharingConfig === 'object'
      ? (sharingConfig as { enabled?: unknown }).enabled !== false
      : true;
  return withIdempotency(
    ctx,
    'lattice:CreateServiceNetwork',
    clientToken,
    { name, authType, tags, sharingEnabled },
    () => tokenMismatch(clientToken),
    () => {
      const clash = ctx.lattice.serviceNetworks.find(
        (s) => s.name === name && s.accountId === ctx.caller.accountId,
      );
      if (clash)
        throw conflict(
          'SERVICE_NETWORK',
          clash.id,
          `A service network named ${name} already exists in this account`,
        );
      const id = latticeId('sn');
      const record: TServiceNetworkRecord = {
        id,
        arn: latticeArn(ctx.world.region, ctx.caller.accountId, 'servicenetwork', id),
        name,
        accountId: ctx.caller.accountId,
        authType,
        sharingEnabled,
        createdAt: ctx.now,
        lastUpdatedAt: ctx.now,
      };
      ctx.lattice.serviceNetworks.push(record);
      storeTags(ctx, record.arn, tags);
      ctx.dirty = true;
      return {
        status: 201,
        body: { id, name, arn: record.arn, authType, sharingConfig: { enabled: sharingEnabled } },
      };
    },
  );
}

function view(ctx: TCtx, sn: TServiceNetworkRecord) {
  return {
    id: sn.id,
    name: sn.name,
    arn: sn.arn,
    authType: sn.authType,
    sharingConfig: { enabled: sn.sharingEnabled },
    createdAt: iso(sn.createdAt),
    lastUpdatedAt: iso(sn.lastUpdatedAt),
    ...counts(ctx, sn),
  };
}

export function getServiceNetwork(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const sn = resolveServiceNetwork(ctx, id, { action: 'GetServiceNetwork' });
  return { status: 200, body: view(ctx, sn) };
}

export function listServiceNetworks(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const visible = ctx.lattice.serviceNetworks.filter(
    (sn) => sn.accountId === ctx.caller.accountId || isSharedWith(ctx, sn.arn, ctx.caller.accountId),
  );
  const { page, nextToken } = latticePage(visible, req.query);
  const items = page.map((sn) => {
    const { authType: _a, sharingConfig: _s, ...summary } = view(ctx, sn);
    return { ...summary, numberOfAssociatedResourceConfigurations: 0 };
  });
  return { status: 200, body: { items, nextToken } };
}

export function updateServiceNetwork(ctx: TCtx, req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const sn = resolveServiceNetwork(ctx, id, { action: 'UpdateServiceNetwork', ownerOnly: true });
  const authType = validateAuthType(req.json.authType);
  if (!authType) throw fieldError('authType', 'is required');
  sn.authType = authType;
  sn.lastUpdatedAt = ctx.now;
  ctx.dirty = true;
  return { status: 200, body: { id: sn.id, name: sn.name, arn: sn.arn, authType: sn.authType } };
}

export function deleteServiceNetwork(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const sn = resolveServiceNetwork(ctx, id, { action: 'DeleteServiceNetwork', ownerOnly: true });
  const { numberOfAssociatedServices, numberOfAssociatedVPCs } = counts(ctx, sn);
  if (numberOfAssociatedServices > 0 || numberOfAssociatedVPCs > 0) {
    throw conflict(
      'SERVICE_NETWORK',
      sn.id,
      'The service network still has service or VPC associations; delete them first.',
    );
  }
  ctx.lattice.serviceNetworks = ctx.lattice.serviceNetworks.filter((s) => s.id !== sn.id);
  dropResourceExtras(ctx, sn.arn);
  ctx.dirty = true;
  return { status: 204 };
}
