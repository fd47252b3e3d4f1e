import {
  epochSeconds,
  asStringArray,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { ramError } from '../../errors';
import { ramShareArn } from '../../ids';
import type { TResourceShareRecord } from '../core-state';
import { addPrincipal, addResource } from './membership';
import {
  findShare,
  ramIdempotent,
  ramPage,
  requireArn,
  resourceTypeOf,
  shareView,
  SHAREABLE_TYPES,
  sharesSharedWith,
} from './common';

function parseTags(value: unknown): { key: string; value: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((t) => t && typeof t.key === 'string')) {
    throw ramError('InvalidParameterException', 'tags must be a list of {key, value}');
  }
  return value.map((t: { key: string; value?: unknown }) => ({ key: t.key, value: String(t.value ?? '') }));
}

function listParam(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  const list = asStringArray(value);
  if (!list) throw ramError('InvalidParameterException', `${name} must be a list of strings`);
  return list;
}

export function createResourceShare(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const body = req.json;
  return ramIdempotent(ctx, 'CreateResourceShare', body, (clientToken) => {
    if (typeof body.name !== 'string' || body.name.trim() === '') {
      throw ramError('InvalidParameterException', 'The name of the resource share is required.');
    }
    const resourceArns = listParam(body.resourceArns, 'resourceArns');
    const principals = listParam(body.principals, 'principals');
    const share: TResourceShareRecord = {
      arn: ramShareArn(ctx.world.region, ctx.caller.accountId),
      name: body.name,
      owningAccountId: ctx.caller.accountId,
      allowExternalPrincipals: body.allowExternalPrincipals !== false,
      status: 'ACTIVE',
      tags: parseTags(body.tags),
      creationTime: ctx.now,
      lastUpdatedTime: ctx.now,
    };
    // Validate everything before recording anything, so a refused call leaves no half-made share.
    const draft = {
      ...ctx.ram,
      shareAssociations: [...ctx.ram.shareAssociations],
      invitations: [...ctx.ram.invitations],
    };
    const draftCtx: TCtx = { ...ctx, ram: draft };
    for (const arn of resourceArns) addResource(draftCtx, share, arn);
    for (const p of principals) addPrincipal(draftCtx, share, p);
    ctx.ram.resourceShares.push(share);
    ctx.ram.shareAssociations = draft.shareAssociations;
    ctx.ram.invitations = draft.invitations;
    ctx.dirty = true;
    return { status: 200, body: { resourceShare: shareView(ctx, share), clientToken } };
  });
}

export function getResourceShares(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const body = req.json;
  let shares: TResourceShareRecord[];
  if (body.resourceOwner === 'SELF') {
    shares = ctx.ram.resourceShares.filter((s) => s.owningAccountId === ctx.caller.accountId);
  } else if (body.resourceOwner === 'OTHER-ACCOUNTS') {
    shares = sharesSharedWith(ctx);
  } else {
    throw ramError('InvalidParameterException', "resourceOwner must be 'SELF' or 'OTHER-ACCOUNTS'");
  }
  const arns = listParam(body.resourceShareArns, 'resourceShareArns');
  for (const arn of arns) requireArn(arn, 'resource share');
  if (arns.length > 0) shares = shares.filter((s) => arns.includes(s.arn));
  if (typeof body.name === 'string') shares = shares.filter((s) => s.name === body.name);
  if (typeof body.resourceShareStatus === 'string')
    shares = shares.filter((s) => s.status === body.resourceShareStatus);
  if (Array.isArray(body.tagFilters)) {
    for (const f of body.tagFilters as { tagKey?: string; tagValues?: string[] }[]) {
      shares = shares.filter((s) =>
        s.tags.some((t) => t.key === f.tagKey && (!f.tagValues?.length || f.tagValues.includes(t.value))),
      );
    }
  }
  const { page, nextToken } = ramPage(shares, body);
  return { status: 200, body: { resourceShares: page.map((s) => shareView(ctx, s)), nextToken } };
}

export function deleteResourceShare(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const arn = req.query.get('resourceShareArn') ?? undefined;
  const clientToken = req.query.get('clientToken') ?? undefined;
  return ramIdempotent(ctx, 'DeleteResourceShare', { resourceShareArn: arn, clientToken }, (token) => {
    const share = findShare(ctx, arn);
    if (share.owningAccountId !== ctx.caller.accountId) {
      throw ramError(
        'OperationNotPermittedException',
        `Only the owner account ${share.owningAccountId} can delete ${share.arn}.`,
      );
    }
    if (share.status !== 'DELETED') {
      share.status = 'DELETED';
      share.lastUpdatedTime = ctx.now;
      for (const a of ctx.ram.shareAssociations) {
        if (a.resourceShareArn === share.arn && a.status !== 'DISASSOCIATED') {
          a.status = 'DISASSOCIATED';
          a.transitionAt = undefined;
          a.nextStatus = undefined;
          a.lastUpdatedTime = ctx.now;
        }
      }
      for (const inv of ctx.ram.invitations) {
        if (inv.resourceShareArn === share.arn && inv.status === 'PENDING') inv.status = 'EXPIRED';
      }
      ctx.dirty = true;
    }
    return { status: 200, body: { returnValue: true, clientToken: token } };
  });
}

export function listResources(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const body = req.json;
  let shares: TResourceShareRecord[];
  if (body.resourceOwner === 'SELF') {
    shares = ctx.ram.resourceShares.filter(
      (s) => s.owningAccountId === ctx.caller.accountId && s.status === 'ACTIVE',
    );
  } else if (body.resourceOwner === 'OTHER-ACCOUNTS') {
    shares = sharesSharedWith(ctx);
  } else {
    throw ramError('InvalidParameterException', "resourceOwner must be 'SELF' or 'OTHER-ACCOUNTS'");
  }
  const shareArns = listParam(body.resourceShareArns, 'resourceShareArns');
  if (shareArns.length > 0) shares = shares.filter((s) => shareArns.includes(s.arn));
  let typeFilter: string | undefined;
  if (typeof body.resourceType === 'string') {
    typeFilter = Object.keys(SHAREABLE_TYPES).find(
      (t) => t.toLowerCase() === (body.resourceType as string).toLowerCase(),
    );
    if (!typeFilter)
      throw ramError('InvalidResourceTypeException', `The resource type ${body.resourceType} is not valid.`);
  }
  const resourceArns = listParam(body.resourceArns, 'resourceArns');
  const principal = typeof body.principal === 'string' ? body.principal : undefined;
  const shareSet = new Set(shares.map((s) => s.arn));
  const rows = ctx.ram.shareAssociations.filter(
    (a) =>
      shareSet.has(a.resourceShareArn) &&
      a.associationType === 'RESOURCE' &&
      a.status === 'ASSOCIATED' &&
      (!typeFilter || resourceTypeOf(a.associatedEntity) === typeFilter) &&
      (resourceArns.length === 0 || resourceArns.includes(a.associatedEntity)) &&
      (!principal ||
        ctx.ram.shareAssociations.some(
          (p) =>
            p.resourceShareArn === a.resourceShareArn &&
            p.associationType === 'PRINCIPAL' &&
            p.associatedEntity === principal,
        )),
  );
  const { page, nextToken } = ramPage(rows, body);
  const resources = page.map((a) => ({
    arn: a.associatedEntity,
    type: resourceTypeOf(a.associatedEntity),
    resourceShareArn: a.resourceShareArn,
    status: 'AVAILABLE',
    creationTime: epochSeconds(a.creationTime),
    lastUpdatedTime: epochSeconds(a.lastUpdatedTime),
    resourceRegionScope: 'REGIONAL',
  }));
  return { status: 200, body: { resources, nextToken } };
}
