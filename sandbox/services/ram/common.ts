import { randomUUID } from 'node:crypto';
import { epochSeconds, paginate, withIdempotency, type TCtx, type TSandboxResponse } from '../core-context';
import { ramError, type SandboxError } from '../../errors';
import type { TInvitationRecord, TResourceShareRecord, TShareAssociationRecord } from '../core-state';
import { isOrgAccount, orgArn } from '../../world';

export const SHARE_ARN_RE = /^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share\/[0-9a-f-]{36}$/;
export const INVITATION_ARN_RE =
  /^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[0-9a-f-]{36}$/;
const ANY_ARN_RE = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;

export const SHAREABLE_TYPES: Record<string, RegExp> = {
  'vpc-lattice:ServiceNetwork': /:servicenetwork\/sn-/,
  'vpc-lattice:Service': /:service\/svc-/,
  'vpc-lattice:ResourceConfiguration': /:resourceconfiguration\/rcfg-/,
};

export function resourceTypeOf(arn: string): string {
  return Object.entries(SHAREABLE_TYPES).find(([, re]) => re.test(arn))?.[0] ?? 'unknown';
}

export function ramPage<T>(items: T[], body: Record<string, unknown>, badMax?: () => SandboxError) {
  return paginate(items, body.maxResults, body.nextToken, {
    max: 500,
    defaultSize: 50,
    badMax: badMax ?? (() => ramError('InvalidParameterException', 'maxResults must be between 1 and 500')),
    badToken: () => ramError('InvalidNextTokenException', 'The specified value for nextToken is not valid.'),
  });
}

export function requireArn(arn: unknown, what = 'resource'): string {
  if (typeof arn !== 'string' || !ANY_ARN_RE.test(arn)) {
    throw ramError(
      'MalformedArnException',
      `The specified ${what} ARN ${String(arn)} is not valid. Verify the ARN and try again.`,
    );
  }
  return arn;
}

export function findShare(ctx: TCtx, arn: unknown): TResourceShareRecord {
  const valid = requireArn(arn, 'resource share');
  if (!SHARE_ARN_RE.test(valid)) {
    throw ramError(
      'MalformedArnException',
      `The specified resource share ARN ${valid} is not valid. Verify the ARN and try again.`,
    );
  }
  const share = ctx.ram.resourceShares.find((s) => s.arn === valid);
  if (!share) throw ramError('UnknownResourceException', `ResourceShare ${valid} could not be found.`);
  return share;
}

/** Principal ids (and the organization ARN, when the account is in it) that stand for the caller's account. */
export function callerPrincipals(ctx: TCtx, accountId = ctx.caller.accountId): Set<string> {
  const set = new Set([accountId]);
  if (isOrgAccount(ctx.world, accountId)) set.add(orgArn(ctx.world));
  return set;
}

/** Shares whose principal associations give the account access right now. */
export function sharesSharedWith(ctx: TCtx, accountId = ctx.caller.accountId): TResourceShareRecord[] {
  const mine = callerPrincipals(ctx, accountId);
  return ctx.ram.resourceShares.filter(
    (share) =>
      share.status === 'ACTIVE' &&
      share.owningAccountId !== accountId &&
      ctx.ram.shareAssociations.some(
        (a) =>
          a.resourceShareArn === share.arn &&
          a.associationType === 'PRINCIPAL' &&
          a.status === 'ASSOCIATED' &&
          mine.has(a.associatedEntity),
      ),
  );
}

export function shareView(ctx: TCtx, s: TResourceShareRecord) {
  return {
    resourceShareArn: s.arn,
    name: s.name,
    owningAccountId: s.owningAccountId,
    allowExternalPrincipals: s.allowExternalPrincipals,
    status: s.status,
    tags: s.tags,
    creationTime: epochSeconds(s.creationTime),
    lastUpdatedTime: epochSeconds(s.lastUpdatedTime),
    featureSet: 'STANDARD',
  };
}

export function associationView(ctx: TCtx, a: TShareAssociationRecord) {
  const share = ctx.ram.resourceShares.find((s) => s.arn === a.resourceShareArn);
  return {
    resourceShareArn: a.resourceShareArn,
    resourceShareName: share?.name,
    associatedEntity: a.associatedEntity,
    associationType: a.associationType,
    status: a.status,
    statusMessage: a.statusMessage,
    creationTime: epochSeconds(a.creationTime),
    lastUpdatedTime: epochSeconds(a.lastUpdatedTime),
    external: a.external,
  };
}

export function invitationView(inv: TInvitationRecord) {
  return {
    resourceShareInvitationArn: inv.arn,
    resourceShareName: inv.resourceShareName,
    resourceShareArn: inv.resourceShareArn,
    senderAccountId: inv.senderAccountId,
    receiverAccountId: inv.receiverAccountId,
    invitationTimestamp: epochSeconds(inv.invitationTimestamp),
    status: inv.status,
  };
}

/**
 * RAM's clientToken is optional and not auto-filled by the SDK; the service makes one up and echoes it. A reused
 * token with different parameters is an IdempotentParameterMismatchException.
 */
export function ramIdempotent(
  ctx: TCtx,
  operation: string,
  body: Record<string, unknown>,
  run: (clientToken: string) => TSandboxResponse,
): TSandboxResponse {
  const given = body.clientToken;
  if (given !== undefined && (typeof given !== 'string' || given.length === 0 || given.length > 64)) {
    throw ramError('InvalidClientTokenException', 'The client token is not valid.');
  }
  const token = (given as string | undefined) ?? randomUUID();
  const { clientToken: _t, ...params } = body;
  return withIdempotency(
    ctx,
    `ram:${operation}`,
    given,
    params,
    () =>
      ramError(
        'IdempotentParameterMismatchException',
        `The client token ${token} was already used with different parameters.`,
      ),
    () => run(token),
  );
}
