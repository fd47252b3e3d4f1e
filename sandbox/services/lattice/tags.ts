import type { TCtx, TSandboxRequest, TSandboxResponse } from '../core-context';
import { accessDenied, fieldError, resourceNotFound } from '../../errors';
import { accountOfArn, validateTags } from './common';

/** Tags on any Lattice resource the caller's account owns, addressed by ARN. */
function ownedArn(ctx: TCtx, arn: string | undefined, action: string): string {
  if (!arn || !/^arn:[a-z0-9-]+:vpc-lattice:[a-z0-9-]*:\d{12}:[^/]+\/.+$/.test(arn)) {
    throw fieldError('resourceArn', 'must be a VPC Lattice resource ARN');
  }
  const s = ctx.lattice;
  const exists = [
    ...s.serviceNetworks,
    ...s.services,
    ...s.vpcAssociations,
    ...s.serviceAssociations,
    ...s.accessLogSubscriptions,
  ].some((r) => r.arn === arn);
  if (!exists) throw resourceNotFound('RESOURCE', arn);
  if (accountOfArn(arn) !== ctx.caller.accountId) {
    throw accessDenied(
      `User: ${ctx.caller.arn} is not authorized to perform: vpc-lattice:${action} on resource: ${arn}`,
    );
  }
  return arn;
}

export function tagResource(ctx: TCtx, req: TSandboxRequest, [arn]: string[]): TSandboxResponse {
  const target = ownedArn(ctx, arn, 'TagResource');
  const tags = validateTags(req.json.tags);
  if (!tags) throw fieldError('tags', 'is required');
  const merged = { ...(ctx.lattice.tags[target] ?? {}), ...tags };
  if (Object.keys(merged).length > 200) throw fieldError('tags', 'a resource can have at most 200 tags');
  ctx.lattice.tags[target] = merged;
  ctx.dirty = true;
  return { status: 200, body: {} };
}

export function untagResource(ctx: TCtx, req: TSandboxRequest, [arn]: string[]): TSandboxResponse {
  const target = ownedArn(ctx, arn, 'UntagResource');
  const keys = req.query.getAll('tagKeys');
  const current = { ...(ctx.lattice.tags[target] ?? {}) };
  for (const k of keys) delete current[k];
  ctx.lattice.tags[target] = current;
  ctx.dirty = true;
  return { status: 200, body: {} };
}

export function listTagsForResource(ctx: TCtx, _req: TSandboxRequest, [arn]: string[]): TSandboxResponse {
  const target = ownedArn(ctx, arn, 'ListTagsForResource');
  return { status: 200, body: { tags: ctx.lattice.tags[target] ?? {} } };
}
