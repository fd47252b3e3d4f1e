import {
  asStringArray,
  epochSeconds,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { ramError } from '../../errors';
import { ramInvitationArn } from '../../ids';
import type { TResourceShareRecord, TShareAssociationRecord } from '../core-state';
import { isOrgAccount, orgArn } from '../../world';
import {
  associationView,
  callerPrincipals,
  findShare,
  ramIdempotent,
  ramPage,
  requireArn,
  resourceTypeOf,
  sharesSharedWith,
} from './common';

/**
 * Who and what a share covers. Accounts in the organization are associated automatically (ASSOCIATING →
 * ASSOCIATED after the delay); an account outside it needs allowExternalPrincipals and gets an invitation that
 * only it can accept. Only the owner changes a share.
 */
const ACCOUNT_RE = /^\d{12}$/;

function upsert(ctx: TCtx, record: TShareAssociationRecord): TShareAssociationRecord {
  const list = ctx.ram.shareAssociations;
  const i = list.findIndex(
    (a) =>
      a.resourceShareArn === record.resourceShareArn &&
      a.associatedEntity === record.associatedEntity &&
      a.associationType === record.associationType,
  );
  if (i >= 0) {
    const existing = list[i]!;
    if (existing.status === 'ASSOCIATED' || existing.status === 'ASSOCIATING') return existing;
    list[i] = { ...record, creationTime: existing.creationTime };
    return list[i]!;
  }
  list.push(record);
  return record;
}

export function addPrincipal(
  ctx: TCtx,
  share: TResourceShareRecord,
  principal: string,
): TShareAssociationRecord {
  const isOrg = principal === orgArn(ctx.world);
  if (!isOrg && !ACCOUNT_RE.test(principal)) {
    throw ramError(
      'InvalidParameterException',
      `Principal ID ${principal} is malformed. Verify the ID and try again.`,
    );
  }
  if (principal === share.owningAccountId) {
    throw ramError(
      'InvalidParameterException',
      `The resource share owner ${principal} cannot be a principal of its own share.`,
    );
  }
  const external = !isOrg && !isOrgAccount(ctx.world, principal);
  if (external && !share.allowExternalPrincipals) {
    throw ramError(
      'OperationNotPermittedException',
      `Principal ${principal} is outside your organization and resource share ${share.name} does not allow external principals.`,
    );
  }
  const base = {
    resourceShareArn: share.arn,
    associatedEntity: principal,
    associationType: 'PRINCIPAL' as const,
    external,
    creationTime: ctx.now,
    lastUpdatedTime: ctx.now,
  };
  const before = ctx.ram.shareAssociations.find(
    (a) =>
      a.resourceShareArn === share.arn &&
      a.associatedEntity === principal &&
      a.associationType === 'PRINCIPAL',
  );
  const record = upsert(
    ctx,
    external
      ? { ...base, status: 'ASSOCIATING', statusMessage: 'Waiting for the invited account to accept' }
      : {
          ...base,
          status: 'ASSOCIATING',
          nextStatus: 'ASSOCIATED',
          transitionAt: ctx.now + ctx.associationDelayMs,
        },
  );
  const isNew = record !== before || before === undefined;
  if (external && isNew) {
    ctx.ram.invitations.push({
      arn: ramInvitationArn(ctx.world.region, share.owningAccountId),
      resourceShareArn: share.arn,
      resourceShareName: share.name,
      senderAccountId: share.owningAccountId,
      receiverAccountId: principal,
      status: 'PENDING',
      invitationTimestamp: ctx.now,
    });
  }
  return record;
}

export function addResource(ctx: TCtx, share: TResourceShareRecord, arn: string): TShareAssociationRecord {
  requireArn(arn);
  const resource = [...ctx.lattice.serviceNetworks, ...ctx.lattice.services].find((r) => r.arn === arn);
  if (resourceTypeOf(arn) === 'unknown' || !resource) {
    throw ramError('UnknownResourceException', `The resource ${arn} could not be found.`);
  }
  if (resource.accountId !== share.owningAccountId) {
    throw ramError(
      'OperationNotPermittedException',
      `You can share only resources that you own; ${arn} belongs to ${resource.accountId}.`,
    );
  }
  return upsert(ctx, {
    resourceShareArn: share.arn,
    associatedEntity: arn,
    associationType: 'RESOURCE',
    status: 'ASSOCIATED',
    external: false,
    creationTime: ctx.now,
    lastUpdatedTime: ctx.now,
  });
}

function ownShare(ctx: TCtx, arn: unknown): TResourceShareRecord {
  const share = findShare(ctx, arn);
  if (share.owningAccountId !== ctx.caller.accountId) {
    const visible = sharesSharedWith(ctx).some((s) => s.arn === share.arn);
    if (!visible)
      throw ramError('UnknownResourceException', `ResourceShare ${share.arn} could not be found.`);
    throw ramError(
      'OperationNotPermittedException',
      `Only the owner account ${share.owningAccountId} can modify resource share ${share.arn}.`,
    );
  }
  if (share.status !== 'ACTIVE') {
    throw ramError('InvalidStateTransitionException', `Resource share ${share.arn} is ${share.status}.`);
  }
  return share;
}

function lists(body: Record<string, unknown>) {
  const principals = body.principals === undefined ? [] : asStringArray(body.principals);
  const resourceArns = body.resourceArns === undefined ? [] : asStringArray(body.resourceArns);
  if (!principals || !resourceArns)
    throw ramError('InvalidParameterException', 'principals and resourceArns must be lists of strings');
  return { principals, resourceArns };
}

export function associateResourceShare(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  return ramIdempotent(ctx, 'AssociateResourceShare', req.json, (clientToken) => {
    const share = ownShare(ctx, req.json.resourceShareArn);
    const { principals, resourceArns } = lists(req.json);
    const draft = {
      ...ctx.ram,
      shareAssociations: [...ctx.ram.shareAssociations],
      invitations: [...ctx.ram.invitations],
    };
    const draftCtx: TCtx = { ...ctx, ram: draft };
    const touched = [
      ...resourceArns.map((arn) => addResource(draftCtx, share, arn)),
      ...principals.map((p) => addPrincipal(draftCtx, share, p)),
    ];
    ctx.ram.shareAssociations = draft.shareAssociations;
    ctx.ram.invitations = draft.invitations;
    share.lastUpdatedTime = ctx.now;
    ctx.dirty = true;
    return {
      status: 200,
      body: { resourceShareAssociations: touched.map((a) => associationView(ctx, a)), clientToken },
    };
  });
}

export function disassociateResourceShare(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  return ramIdempotent(ctx, 'DisassociateResourceShare', req.json, (clientToken) => {
    const share = ownShare(ctx, req.json.resourceShareArn);
    const { principals, resourceArns } = lists(req.json);
    const touched: TShareAssociationRecord[] = [];
    for (const entity of [...principals, ...resourceArns]) {
      const a = ctx.ram.shareAssociations.find(
        (x) =>
          x.resourceShareArn === share.arn && x.associatedEntity === entity && x.status !== 'DISASSOCIATED',
      );
      if (!a)
        throw ramError(
          'UnknownResourceException',
          `${entity} is not associated with resource share ${share.arn}.`,
        );
      a.status = 'DISASSOCIATING';
      a.nextStatus = 'DISASSOCIATED';
      a.transitionAt = ctx.now + ctx.associationDelayMs;
      a.lastUpdatedTime = ctx.now;
      touched.push(a);
      for (const inv of ctx.ram.invitations) {
        if (
          inv.resourceShareArn === share.arn &&
          inv.receiverAccountId === entity &&
          inv.status === 'PENDING'
        ) {
          inv.status = 'EXPIRED';
        }
      }
    }
    share.lastUpdatedTime = ctx.now;
    ctx.dirty = true;
    return {
      status: 200,
      body: { resourceShareAssociations: touched.map((a) => associationView(ctx, a)), clientToken },
    };
  });
}

export function getResourceShareAssociations(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const body = req.json;
  const type = body.associationType;
  if (type !== 'PRINCIPAL' && type !== 'RESOURCE') {
    throw ramError('InvalidParameterException', "associationType must be 'PRINCIPAL' or 'RESOURCE'");
  }
  if (type === 'PRINCIPAL' && body.resourceArn !== undefined) {
    throw ramError('InvalidParameterException', 'resourceArn cannot be used with associationType PRINCIPAL');
  }
  if (type === 'RESOURCE' && body.principal !== undefined) {
    throw ramError('InvalidParameterException', 'principal cannot be used with associationType RESOURCE');
  }
  const shareArns = body.resourceShareArns === undefined ? [] : (asStringArray(body.resourceShareArns) ?? []);
  for (const arn of shareArns) findShare(ctx, arn);
  const mine = callerPrincipals(ctx);
  let rows = ctx.ram.shareAssociations.filter((a) => {
    if (a.associationType !== type) return false;
    const share = ctx.ram.resourceShares.find((s) => s.arn === a.resourceShareArn);
    // Owners see every association of their shares; a principal sees its own.
    return (
      share?.owningAccountId === ctx.caller.accountId ||
      (type === 'PRINCIPAL' && mine.has(a.associatedEntity))
    );
  });
  if (shareArns.length > 0) rows = rows.filter((a) => shareArns.includes(a.resourceShareArn));
  if (typeof body.principal === 'string') rows = rows.filter((a) => a.associatedEntity === body.principal);
  if (typeof body.resourceArn === 'string')
    rows = rows.filter((a) => a.associatedEntity === body.resourceArn);
  if (typeof body.associationStatus === 'string')
    rows = rows.filter((a) => a.status === body.associationStatus);
  const { page, nextToken } = ramPage(rows, body);
  return {
    status: 200,
    body: { resourceShareAssociations: page.map((a) => associationView(ctx, a)), nextToken },
  };
}

export function listPrincipals(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const body = req.json;
  const shareArns = body.resourceShareArns === undefined ? [] : (asStringArray(body.resourceShareArns) ?? []);
  const principalFilter = body.principals === undefined ? [] : (asStringArray(body.principals) ?? []);
  if (body.resourceOwner === 'SELF') {
    const owned = new Set(
      ctx.ram.resourceShares
        .filter((s) => s.owningAccountId === ctx.caller.accountId && s.status === 'ACTIVE')
        .map((s) => s.arn),
    );
    let rows = ctx.ram.shareAssociations.filter(
      (a) => owned.has(a.resourceShareArn) && a.associationType === 'PRINCIPAL' && a.status === 'ASSOCIATED',
    );
    if (shareArns.length > 0) rows = rows.filter((a) => shareArns.includes(a.resourceShareArn));
    if (principalFilter.length > 0) rows = rows.filter((a) => principalFilter.includes(a.associatedEntity));
    if (typeof body.resourceArn === 'string') {
      const withResource = new Set(
        ctx.ram.shareAssociations
          .filter(
            (r) =>
              r.associationType === 'RESOURCE' &&
              r.associatedEntity === body.resourceArn &&
              r.status === 'ASSOCIATED',
          )
          .map((r) => r.resourceShareArn),
      );
      rows = rows.filter((a) => withResource.has(a.resourceShareArn));
    }
    const { page, nextToken } = ramPage(rows, body);
    const principals = page.map((a) => ({
      id: a.associatedEntity,
      resourceShareArn: a.resourceShareArn,
      creationTime: epochSeconds(a.creationTime),
      lastUpdatedTime: epochSeconds(a.lastUpdatedTime),
      external: a.external,
    }));
    return { status: 200, body: { principals, nextToken } };
  }
  if (body.resourceOwner === 'OTHER-ACCOUNTS') {
    let shares = sharesSharedWith(ctx);
    if (shareArns.length > 0) shares = shares.filter((s) => shareArns.includes(s.arn));
    const { page, nextToken } = ramPage(shares, body);
    const principals = page.map((s) => ({
      id: s.owningAccountId,
      resourceShareArn: s.arn,
      creationTime: epochSeconds(s.creationTime),
      lastUpdatedTime: epochSeconds(s.lastUpdatedTime),
      external: !isOrgAccount(ctx.world, s.owningAccountId) || !isOrgAccount(ctx.world, ctx.caller.accountId),
    }));
    return { status: 200, body: { principals, nextToken } };
  }
  throw ramError('InvalidParameterException', "resourceOwner must be 'SELF' or 'OTHER-ACCOUNTS'");
}
