import { asStringArray, type TCtx, type TSandboxRequest, type TSandboxResponse } from '../core-context';
import { ramError } from '../../errors';
import type { TInvitationRecord } from '../core-state';
import { INVITATION_ARN_RE, invitationView, ramIdempotent, ramPage, requireArn } from './common';

/** Invitations to accounts outside the organization. Only the invited account may accept or reject. */
export function getResourceShareInvitations(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  const body = req.json;
  const me = ctx.caller.accountId;
  const invitationArns =
    body.resourceShareInvitationArns === undefined
      ? []
      : (asStringArray(body.resourceShareInvitationArns) ?? []);
  const shareArns = body.resourceShareArns === undefined ? [] : (asStringArray(body.resourceShareArns) ?? []);
  let rows = ctx.ram.invitations.filter((i) => i.receiverAccountId === me || i.senderAccountId === me);
  for (const arn of invitationArns) {
    requireArn(arn, 'resource share invitation');
    if (!rows.some((i) => i.arn === arn)) {
      throw ramError(
        'ResourceShareInvitationArnNotFoundException',
        `The invitation ${arn} could not be found.`,
      );
    }
  }
  if (invitationArns.length > 0) rows = rows.filter((i) => invitationArns.includes(i.arn));
  if (shareArns.length > 0) rows = rows.filter((i) => shareArns.includes(i.resourceShareArn));
  const { page, nextToken } = ramPage(rows, body, () =>
    ramError('InvalidMaxResultsException', 'maxResults must be between 1 and 500'),
  );
  return { status: 200, body: { resourceShareInvitations: page.map(invitationView), nextToken } };
}

function findForReceiver(ctx: TCtx, arn: unknown): TInvitationRecord {
  const valid = requireArn(arn, 'resource share invitation');
  if (!INVITATION_ARN_RE.test(valid)) {
    throw ramError(
      'MalformedArnException',
      `The specified resource share invitation ARN ${valid} is not valid.`,
    );
  }
  const inv = ctx.ram.invitations.find((i) => i.arn === valid);
  if (
    !inv ||
    (inv.receiverAccountId !== ctx.caller.accountId && inv.senderAccountId !== ctx.caller.accountId)
  ) {
    throw ramError(
      'ResourceShareInvitationArnNotFoundException',
      `The invitation ${valid} could not be found.`,
    );
  }
  if (inv.receiverAccountId !== ctx.caller.accountId) {
    throw ramError(
      'OperationNotPermittedException',
      `Only the invited account ${inv.receiverAccountId} can respond to invitation ${valid}; the caller is account ${ctx.caller.accountId}.`,
    );
  }
  if (inv.status === 'ACCEPTED')
    throw ramError('ResourceShareInvitationAlreadyAcceptedException', 'The invitation was already accepted.');
  if (inv.status === 'REJECTED')
    throw ramError('ResourceShareInvitationAlreadyRejectedException', 'The invitation was already rejected.');
  if (inv.status === 'EXPIRED')
    throw ramError('ResourceShareInvitationExpiredException', 'The invitation has expired.');
  return inv;
}

function respond(ctx: TCtx, req: TSandboxRequest, accept: boolean): TSandboxResponse {
  return ramIdempotent(
    ctx,
    accept ? 'AcceptResourceShareInvitation' : 'RejectResourceShareInvitation',
    req.json,
    (clientToken) => {
      const inv = findForReceiver(ctx, req.json.resourceShareInvitationArn);
      inv.status = accept ? 'ACCEPTED' : 'REJECTED';
      const association = ctx.ram.shareAssociations.find(
        (a) =>
          a.resourceShareArn === inv.resourceShareArn &&
          a.associationType === 'PRINCIPAL' &&
          a.associatedEntity === inv.receiverAccountId,
      );
      if (association) {
        association.status = accept ? 'ASSOCIATED' : 'DISASSOCIATED';
        association.statusMessage = accept ? undefined : 'The invitation was rejected';
        association.transitionAt = undefined;
        association.nextStatus = undefined;
        association.lastUpdatedTime = ctx.now;
      }
      ctx.dirty = true;
      return { status: 200, body: { resourceShareInvitation: invitationView(inv), clientToken } };
    },
  );
}

export function acceptResourceShareInvitation(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  return respond(ctx, req, true);
}

export function rejectResourceShareInvitation(ctx: TCtx, req: TSandboxRequest): TSandboxResponse {
  return respond(ctx, req, false);
}
