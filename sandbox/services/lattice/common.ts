import type { TCtx } from '../core-context';
import { LATTICE_ID_RE } from '../../facts';
import { accessDenied, conflict, fieldError, resourceNotFound, type SandboxError } from '../../errors';
import type { TServiceNetworkRecord, TServiceRecord } from '../core-state';
import { isOrgAccount, orgArn } from '../../world';

/**
 * Visibility rules shared by the Lattice handlers. A resource is visible to its owner and, through RAM, to the
 * accounts it is shared with. An id only resolves in the caller's own account (AWS requires the ARN for anything
 * in another account); an ARN of another account's resource that is not shared is refused.
 */
export const SN_ID_RE = LATTICE_ID_RE.serviceNetwork;
export const SVC_ID_RE = LATTICE_ID_RE.service;
export const SN_ARN_RE = /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:servicenetwork\/sn-[0-9a-z]{17}$/;
export const SVC_ARN_RE = /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:service\/svc-[0-9a-z]{17}$/;
export const NAME_RE = /^(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;

export function accountOfArn(arn: string): string | undefined {
  return arn.split(':')[4];
}

/** True when an active RAM share carries the resource to the account (directly or via the organization). */
export function isSharedWith(ctx: TCtx, resourceArn: string, accountId: string): boolean {
  const { ram: state, world } = ctx;
  const principals = new Set([accountId]);
  if (isOrgAccount(world, accountId)) principals.add(orgArn(world));
  return state.resourceShares.some(
    (share) =>
      share.status === 'ACTIVE' &&
      state.shareAssociations.some(
        (a) =>
          a.resourceShareArn === share.arn &&
          a.associationType === 'RESOURCE' &&
          a.associatedEntity === resourceArn &&
          a.status === 'ASSOCIATED',
      ) &&
      state.shareAssociations.some(
        (a) =>
          a.resourceShareArn === share.arn &&
          a.associationType === 'PRINCIPAL' &&
          principals.has(a.associatedEntity) &&
          a.status === 'ASSOCIATED',
      ),
  );
}

export function notAuthorized(ctx: TCtx, action: string, resourceArn: string): SandboxError {
  return accessDenied(
    `User: ${ctx.caller.arn} is not authorized to perform: vpc-lattice:${action} on resource: ${resourceArn}`,
  );
}

interface TOwned {
  id: string;
  arn: string;
  accountId: string;
}

function resolve<T extends TOwned>(
  ctx: TCtx,
  identifier: string | undefined,
  records: T[],
  kind: { idRe: RegExp; arnRe: RegExp; type: string; field: string },
  access: { action: string; ownerOnly: boolean },
): T {
  if (!identifier) throw fieldError(kind.field, 'is required');
  let record: T | undefined;
  if (kind.idRe.test(identifier)) {
    record = records.find((r) => r.id === identifier && r.accountId === ctx.caller.accountId);
    if (!record) throw resourceNotFound(kind.type, identifier);
    return record;
  }
  if (!kind.arnRe.test(identifier))
    throw fieldError(kind.field, `'${identifier}' is not a valid ${kind.type} id or ARN`);
  record = records.find((r) => r.arn === identifier);
  if (!record) throw resourceNotFound(kind.type, identifier);
  if (record.accountId === ctx.caller.accountId) return record;
  if (access.ownerOnly || !isSharedWith(ctx, record.arn, ctx.caller.accountId)) {
    throw notAuthorized(ctx, access.action, record.arn);
  }
  return record;
}

export function resolveServiceNetwork(
  ctx: TCtx,
  identifier: string | undefined,
  access: { action: string; ownerOnly?: boolean; field?: string },
): TServiceNetworkRecord {
  return resolve(
    ctx,
    identifier,
    ctx.lattice.serviceNetworks,
    {
      idRe: SN_ID_RE,
      arnRe: SN_ARN_RE,
      type: 'SERVICE_NETWORK',
      field: access.field ?? 'serviceNetworkIdentifier',
    },
    { action: access.action, ownerOnly: access.ownerOnly ?? false },
  );
}

export function resolveService(
  ctx: TCtx,
  identifier: string | undefined,
  access: { action: string; ownerOnly?: boolean; field?: string },
): TServiceRecord {
  return resolve(
    ctx,
    identifier,
    ctx.lattice.services,
    { idRe: SVC_ID_RE, arnRe: SVC_ARN_RE, type: 'SERVICE', field: access.field ?? 'serviceIdentifier' },
    { action: access.action, ownerOnly: access.ownerOnly ?? false },
  );
}

/** Auth policies and access-log subscriptions attach to either a service network or a service. */
export function resolveSnOrService(
  ctx: TCtx,
  identifier: string | undefined,
  access: { action: string; ownerOnly?: boolean; field?: string },
): { kind: 'SERVICE_NETWORK'; record: TServiceNetworkRecord } | { kind: 'SERVICE'; record: TServiceRecord } {
  const field = access.field ?? 'resourceIdentifier';
  if (identifier && (SN_ID_RE.test(identifier) || SN_ARN_RE.test(identifier))) {
    return { kind: 'SERVICE_NETWORK', record: resolveServiceNetwork(ctx, identifier, { ...access, field }) };
  }
  if (identifier && (SVC_ID_RE.test(identifier) || SVC_ARN_RE.test(identifier))) {
    return { kind: 'SERVICE', record: resolveService(ctx, identifier, { ...access, field }) };
  }
  throw fieldError(
    field,
    identifier ? `'${identifier}' is not a service network or service id or ARN` : 'is required',
  );
}

export function validateTags(value: unknown, field = 'tags'): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw fieldError(field, 'must be a map of strings');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 200) throw fieldError(field, 'must have at most 200 entries');
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 128 || typeof v !== 'string' || v.length > 256) {
      throw fieldError(
        field,
        `tag '${k}' must have a 1..128 character key and a string value of at most 256`,
      );
    }
  }
  return value as Record<string, string>;
}

export function validateAuthType(value: unknown, field = 'authType'): 'NONE' | 'AWS_IAM' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'NONE' && value !== 'AWS_IAM') throw fieldError(field, "must be 'NONE' or 'AWS_IAM'");
  return value;
}

export function tokenMismatch(token: unknown): SandboxError {
  return conflict(
    'CLIENT_TOKEN',
    String(token),
    'The clientToken was already used with different request parameters.',
  );
}

export function storeTags(ctx: TCtx, arn: string, tags: Record<string, string> | undefined): void {
  if (tags && Object.keys(tags).length > 0) ctx.lattice.tags[arn] = { ...tags };
}

export function dropResourceExtras(ctx: TCtx, arn: string): void {
  delete ctx.lattice.tags[arn];
  ctx.lattice.authPolicies = ctx.lattice.authPolicies.filter((p) => p.resourceArn !== arn);
  ctx.lattice.accessLogSubscriptions = ctx.lattice.accessLogSubscriptions.filter(
    (s) => s.resourceArn !== arn,
  );
}
