import { acceptInvitation, associatePrincipals, listInvitations, listSharePrincipals } from '@/lib/aws/ram';
import { isAppError } from '@/lib/errors/app-error';
import type { TStepDefinition } from '../step-types';
import { loadRequestTargets } from './request-accounts';

const POLL_MS = 500;
const INVITATION_POLL_MS = 30_000;

/**
 * RAM: every account of the request's principals must be a principal of the service network's resource share.
 * Inside the organization the association completes by itself; outside it an invitation goes out, which the run
 * accepts from the team's account where the portal's workload role exists, and otherwise waits for the team.
 */
export const shareWithAccountStep: TStepDefinition = {
  name: 'share-with-account',
  title: 'Share the service network with the team account (RAM)',
  async run(ctx) {
    const shareArn = ctx.estate.resourceShareArn;
    if (!shareArn) return { kind: 'skipped', output: { reason: 'no resource share is configured' } };
    if (!ctx.run.requestId) return { kind: 'skipped', output: { reason: 'the run has no request' } };
    const targets = await loadRequestTargets(ctx.ports.db, ctx.run.requestId);
    const network = ctx.clients('network');
    const accounts: Record<string, string> = {};
    let waiting: string | null = null;
    let retryInMs = POLL_MS;
    for (const account of targets.accounts) {
      const current = await ctx.call('ram:GetResourceShareAssociations', () =>
        listSharePrincipals(network, { resourceShareArn: shareArn }),
      );
      let assoc = current.find((a) => a.entity === account && a.status !== 'DISASSOCIATED');
      if (!assoc) {
        const created = await ctx.call('ram:AssociateResourceShare', () =>
          associatePrincipals(network, {
            resourceShareArn: shareArn,
            principals: [account],
            clientToken: `${ctx.run.id}-${account}`.slice(0, 64),
          }),
        );
        assoc = created.find((a) => a.entity === account) ?? created[0];
      }
      if (assoc?.status === 'ASSOCIATED') {
        accounts[account] = 'ASSOCIATED';
        continue;
      }
      if (assoc?.status === 'FAILED') {
        throw new Error(`RAM could not share with account ${account}: ${assoc.statusMessage ?? 'FAILED'}`);
      }
      if (!assoc?.external) {
        accounts[account] = assoc?.status ?? 'ASSOCIATING';
        waiting ??= `waiting for RAM to associate account ${account}`;
        continue;
      }
      // Outside the organization: accept the invitation from the team's account, if the portal can act there.
      const workload = ctx.clients({ workloadAccountId: account });
      let invitations;
      try {
        invitations = await ctx.call('ram:GetResourceShareInvitations', () =>
          listInvitations(workload, { resourceShareArns: [shareArn] }),
        );
      } catch (error) {
        if (isAppError(error) && (error.code === 'FORBIDDEN' || error.code === 'CONFIGURATION')) {
          accounts[account] = 'INVITED';
          waiting ??= `waiting for the team to accept the RAM invitation in account ${account}`;
          retryInMs = INVITATION_POLL_MS;
          continue;
        }
        throw error;
      }
      const pending = invitations.find((i) => i.status === 'PENDING' && i.receiverAccountId === account);
      if (pending) {
        await ctx.call('ram:AcceptResourceShareInvitation', () =>
          acceptInvitation(workload, {
            resourceShareInvitationArn: pending.arn,
            clientToken: `${ctx.run.id}-accept`.slice(0, 64),
          }),
        );
        accounts[account] = 'INVITATION_ACCEPTED';
      } else {
        accounts[account] = assoc.status;
      }
      waiting ??= `waiting for RAM to associate account ${account}`;
    }
    if (waiting) return { kind: 'wait', waitingFor: waiting, retryInMs, output: { accounts } };
    return { kind: 'done', output: { resourceShareArn: shareArn, accounts } };
  },
};
