import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZAccountId } from './team-schemas';

export const ZRemoveTeamAccount = z.object({ accountId: ZAccountId });
export type TRemoveTeamAccount = z.input<typeof ZRemoveTeamAccount>;

/**
 * Removes an account from a team. Refused while principals or VPCs are recorded in it: principals keep their
 * mapping history (usage attribution of old logs depends on it), so an account that ever had one stays.
 */
export async function removeTeamAccount(
  actor: TActor,
  slug: string,
  input: TRemoveTeamAccount,
  db?: TDb,
): Promise<{ accountId: string }> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZRemoveTeamAccount, input, 'account');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const account = await tx.awsAccount.findUnique({
      where: { accountId: data.accountId },
      select: { teamId: true, environment: true, _count: { select: { principals: true, vpcs: true } } },
    });
    if (!account || account.teamId !== team.id) {
      throw new AppError('NOT_FOUND', `Account ${data.accountId} does not belong to team "${slug}"`);
    }
    const blocking = accountRemovalBlocker(data.accountId, account._count);
    if (blocking) throw new AppError('CONFLICT', blocking, { details: { ...account._count } });
    await tx.awsAccount.delete({ where: { accountId: data.accountId }, select: { id: true } });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.account.remove',
      targetType: 'aws-account',
      targetId: data.accountId,
      teamId: team.id,
      details: { accountId: data.accountId, environment: account.environment },
    });
    return { accountId: data.accountId };
  });
}

/** Why an account cannot be removed, or null when it can. Shared with the teams-as-code prune. */
export function accountRemovalBlocker(
  accountId: string,
  counts: { principals: number; vpcs: number },
): string | null {
  if (counts.vpcs > 0) return `Account ${accountId} still has ${counts.vpcs} VPC(s); remove them first`;
  if (counts.principals > 0) {
    return `Account ${accountId} has ${counts.principals} principal(s) recorded; their mapping history keeps the account`;
  }
  return null;
}
