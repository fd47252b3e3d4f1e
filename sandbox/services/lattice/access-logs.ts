import {
  iso,
  latticePage,
  withIdempotency,
  type TCtx,
  type TSandboxRequest,
  type TSandboxResponse,
} from '../core-context';
import { accessDenied, conflict, fieldError, resourceNotFound } from '../../errors';
import { latticeArn, latticeId } from '../../ids';
import type { TAccessLogSubscriptionRecord } from '../core-state';
import { resolveSnOrService, storeTags, tokenMismatch, validateTags } from './common';

/**
 * Access-log subscriptions: one per destination type (S3, CloudWatch Logs, Firehose) per resource, created by the
 * resource owner. The sandbox records the subscription; it does not deliver logs.
 */
const DESTINATION_RE = /^arn:aws[a-z-]*:(s3|logs|firehose):[a-z0-9-]*:(\d{12})?:.+$/;
const ALS_ID_RE = /^als-[0-9a-z]{17}$/;

function destinationKind(arn: string): string {
  return DESTINATION_RE.exec(arn)?.[1] ?? 'unknown';
}

function view(s: TAccessLogSubscriptionRecord) {
  return {
    id: s.id,
    arn: s.arn,
    resourceId: s.resourceId,
    resourceArn: s.resourceArn,
    destinationArn: s.destinationArn,
    serviceNetworkLogType: s.serviceNetworkLogType,
    createdAt: iso(s.createdAt),
    lastUpdatedAt: iso(s.lastUpdatedAt),
  };
}

export function createAccessLogSubscription(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const { resourceIdentifier, destinationArn, serviceNetworkLogType, tags: rawTags, clientToken } = req.json;
  if (typeof destinationArn !== 'string' || !DESTINATION_RE.test(destinationArn)) {
    throw fieldError(
      'destinationArn',
      'must be the ARN of an S3 bucket, a CloudWatch Logs log group or a Firehose stream',
    );
  }
  if (
    serviceNetworkLogType !== undefined &&
    serviceNetworkLogType !== 'SERVICE' &&
    serviceNetworkLogType !== 'RESOURCE'
  ) {
    throw fieldError('serviceNetworkLogType', "must be 'SERVICE' or 'RESOURCE'");
  }
  const tags = validateTags(rawTags);
  const params = { resourceIdentifier, destinationArn, serviceNetworkLogType, tags };
  return withIdempotency(
    ctx,
    'lattice:CreateAccessLogSubscription',
    clientToken,
    params,
    () => tokenMismatch(clientToken),
    () => {
      const { kind, record: resource } = resolveSnOrService(ctx, resourceIdentifier as string | undefined, {
        action: 'CreateAccessLogSubscription',
        ownerOnly: true,
      });
      const kindOfDestination = destinationKind(destinationArn);
      const clash = ctx.lattice.accessLogSubscriptions.find(
        (s) => s.resourceArn === resource.arn && destinationKind(s.destinationArn) === kindOfDestination,
      );
      if (clash) {
        throw conflict(
          'ACCESS_LOG_SUBSCRIPTION',
          clash.id,
          `${resource.id} already has an access log subscription to ${kindOfDestination}`,
        );
      }
      const id = latticeId('als');
      const record: TAccessLogSubscriptionRecord = {
        id,
        arn: latticeArn(ctx.world.region, ctx.caller.accountId, 'accesslogsubscription', id),
        accountId: ctx.caller.accountId,
        resourceId: resource.id,
        resourceArn: resource.arn,
        destinationArn,
        serviceNetworkLogType:
          kind === 'SERVICE_NETWORK'
            ? ((serviceNetworkLogType as 'SERVICE' | 'RESOURCE' | undefined) ?? 'SERVICE')
            : undefined,
        createdAt: ctx.now,
        lastUpdatedAt: ctx.now,
      };
      ctx.lattice.accessLogSubscriptions.push(record);
      storeTags(ctx, record.arn, tags);
      ctx.dirty = true;
      const { createdAt: _c, lastUpdatedAt: _l, ...body } = view(record);
      return { status: 201, body };
    },
  );
}

export function listAccessLogSubscriptions(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const identifier = req.query.get('resourceIdentifier') ?? undefined;
  const { record } = resolveSnOrService(ctx, identifier, {
    action: 'ListAccessLogSubscriptions',
    ownerOnly: true,
  });
  const items = ctx.lattice.accessLogSubscriptions.filter((s) => s.resourceArn === record.arn);
  const { page, nextToken } = latticePage(items, req.query);
  return { status: 200, body: { items: page.map(view), nextToken } };
}

function resolveSubscription(
  ctx: TCtx,
  identifier: string | undefined,
  action: string,
): TAccessLogSubscriptionRecord {
  const s = ctx.lattice.accessLogSubscriptions.find((x) => x.id === identifier || x.arn === identifier);
  if (!identifier || !s || (s.accountId !== ctx.caller.accountId && ALS_ID_RE.test(identifier))) {
    throw resourceNotFound('ACCESS_LOG_SUBSCRIPTION', identifier ?? '');
  }
  if (s.accountId !== ctx.caller.accountId) {
    throw accessDenied(
      `User: ${ctx.caller.arn} is not authorized to perform: vpc-lattice:${action} on resource: ${s.arn}`,
    );
  }
  return s;
}

export function getAccessLogSubscription(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  return { status: 200, body: view(resolveSubscription(ctx, id, 'GetAccessLogSubscription')) };
}

export function deleteAccessLogSubscription(
  ctx: TCtx,
  _req: TSandboxRequest,
  [id]: string[],
): TSandboxResponse {
  const s = resolveSubscription(ctx, id, 'DeleteAccessLogSubscription');
  ctx.lattice.accessLogSubscriptions = ctx.lattice.accessLogSubscriptions.filter((x) => x.id !== s.id);
  delete ctx.lattice.tags[s.arn];
  ctx.dirty = true;
  return { status: 204 };
}
