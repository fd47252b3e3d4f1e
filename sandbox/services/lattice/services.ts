import {
  iso,
  latticePage,
  withIdempotency,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { conflict, fieldError } from '../../errors';
import { dnsLabelSuffix, hostedZoneId, latticeArn, latticeId } from '../../ids';
import type { TServiceRecord } from '../core-state';
import {
  dropResourceExtras,
  isSharedWith,
  NAME_RE,
  resolveService,
  storeTags,
  tokenMismatch,
  validateAuthType,
  validateTags,
} from './common';

export function createService(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const {
    name,
    authType: rawAuth,
    tags: rawTags,
    customDomainName,
    certificateArn,
    idleTimeoutSeconds,
    clientToken,
  } = req.json;
  if (
    typeof name !== 'string' ||
    name.length < 3 ||
    name.length > 40 ||
    !NAME_RE.test(name) ||
    name.startsWith('svc-')
  ) {
    throw fieldError(
      'name',
      "must be 3-40 characters of [a-z0-9-], not starting with 'svc-', without leading, trailing or double hyphens",
    );
  }
  const authType = validateAuthType(rawAuth) ?? 'NONE';
  const tags = validateTags(rawTags);
  if (
    customDomainName !== undefined &&
    (typeof customDomainName !== 'string' || customDomainName.length < 3 || customDomainName.length > 255)
  ) {
    throw fieldError('customDomainName', 'must be 3-255 characters');
  }
  if (
    idleTimeoutSeconds !== undefined &&
    (!Number.isInteger(idleTimeoutSeconds) ||
      (idleTimeoutSeconds as number) < 60 ||
      (idleTimeoutSeconds as number) > 600)
  ) {
    throw fieldError('idleTimeoutSeconds', 'must be between 60 and 600');
  }
  const params = { name, authType, tags, customDomainName, certificateArn, idleTimeoutSeconds };
  return withIdempotency(
    ctx,
    'lattice:CreateService',
    clientToken,
    params,
    () => tokenMismatch(clientToken),
    () => {
      const clash = ctx.lattice.services.find((s) => s.name === name && s.accountId === ctx.caller.accountId);
      if (clash)
        throw conflict('SERVICE', clash.id, `A service named ${name} already exists in this account`);
      const id = latticeId('svc');
      const record: TServiceRecord = {
        id,
        arn: latticeArn(ctx.world.region, ctx.caller.accountId, 'service', id),
        name,
        accountId: ctx.caller.accountId,
        authType,
        status: 'ACTIVE',
        dnsEntry: {
          domainName: `${name}-${id.slice(4)}.${dnsLabelSuffix()}.vpc-lattice-svcs.${ctx.world.region}.on.aws`,
          hostedZoneId: hostedZoneId(),
        },
        customDomainName: customDomainName as string | undefined,
        certificateArn: certificateArn as string | undefined,
        idleTimeoutSeconds: idleTimeoutSeconds as number | undefined,
        createdAt: ctx.now,
        lastUpdatedAt: ctx.now,
      };
      ctx.lattice.services.push(record);
      storeTags(ctx, record.arn, tags);
      ctx.dirty = true;
      const { accountId: _a, createdAt: _c, lastUpdatedAt: _l, ...body } = record;
      return { status: 201, body };
    },
  );
}

function view(svc: TServiceRecord) {
  const { accountId: _a, ...rest } = svc;
  return { ...rest, createdAt: iso(svc.createdAt), lastUpdatedAt: iso(svc.lastUpdatedAt) };
}

export function getService(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  return { status: 200, body: view(resolveService(ctx, id, { action: 'GetService' })) };
}

export function listServices(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const visible = ctx.lattice.services.filter(
    (s) => s.accountId === ctx.caller.accountId || isSharedWith(ctx, s.arn, ctx.caller.accountId),
  );
  const { page, nextToken } = latticePage(visible, req.query);
  const items = page.map((s) => {
    const { authType: _a, certificateArn: _c, idleTimeoutSeconds: _i, ...summary } = view(s);
    return summary;
  });
  return { status: 200, body: { items, nextToken } };
}

export function updateService(ctx: TCtx, req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const svc = resolveService(ctx, id, { action: 'UpdateService', ownerOnly: true });
  const authType = validateAuthType(req.json.authType);
  if (authType) svc.authType = authType;
  svc.lastUpdatedAt = ctx.now;
  ctx.dirty = true;
  const { accountId: _a, createdAt: _c, lastUpdatedAt: _l, status: _s, dnsEntry: _d, ...body } = svc;
  return { status: 200, body };
}

export function deleteService(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const svc = resolveService(ctx, id, { action: 'DeleteService', ownerOnly: true });
  if (ctx.lattice.serviceAssociations.some((a) => a.serviceId === svc.id)) {
    throw conflict(
      'SERVICE',
      svc.id,
      'The service is associated with a service network; delete the association first.',
    );
  }
  ctx.lattice.services = ctx.lattice.services.filter((s) => s.id !== svc.id);
  dropResourceExtras(ctx, svc.arn);
  ctx.dirty = true;
  return { status: 200, body: { id: svc.id, arn: svc.arn, name: svc.name, status: 'DELETE_IN_PROGRESS' } };
}
