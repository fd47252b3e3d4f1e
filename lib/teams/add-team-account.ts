import { z } from 'zod';
import { safeNameRefine } from '@/lib/validation/safe-text';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZAccountId, ZEnvironment } from './team-schemas';

export const ZAddTeamAccount = z.object({
  accountId: ZAccountId,
  environment: ZEnvironment.default('default'),
  name: z
    .string()
    .trim()
    .max(120)
    .refine(...safeNameRefine)
    .optional(),
});
export type TAddTeamAccount = z.input<typeof ZAddTeamAccount>;

export interface TTeamAccountView {
  accountId: string;
  environment: string;
  name: string | null;
}

/** An AWS account belongs to exactly one team: usage in it is charged to that team. */
export async function addTeamAccount(
  actor: TActor,
  slug: string,
  input: TAddTeamAccount,
  db?: TDb,
): Promise<TTeamAccountView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZAddTeamAccount, input, 'account');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const existing = await tx.awsAccount.findUnique({
      where: { accountId: data.accountId },
      select: { team: { select: { slug: true } } },
    });
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `Account ${data.accountId} already belongs to team "${existing.team.slug}"`,
        {
          issues: [{ path: 'accountId', message: `already belongs to team "${existing.team.slug}"` }],
        },
      );
    }
    const account = await tx.awsAccount.create({
      data: {
        accountId: data.accountId,
        teamId: team.id,
        environment: data.environment,
        name: data.name || null,
      },
      select: { accountId: true, environment: true, name: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.account.add',
      targetType: 'aws-account',
      targetId: account.accountId,
      teamId: team.id,
      details: { accountId: account.accountId, environment: account.environment },
    });
    return account;
  });
}
