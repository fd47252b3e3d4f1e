import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import {
  assertNoSameNamedPrincipal,
  createPrincipal,
  findPrincipalWithOpenMapping,
  openMapping,
} from './principal-mappings';
import { resolveDb, type TDb } from '@/lib/db';
import { parsePrincipalArn, ZPrincipalArn } from './team-schemas';

export const ZAddTeamPrincipal = z.object({ arn: ZPrincipalArn });
export type TAddTeamPrincipal = z.input<typeof ZAddTeamPrincipal>;

export interface TTeamPrincipalView {
  arn: string;
  accountId: string;
  name: string;
  path: string;
  kind: 'ROLE' | 'USER';
  since: string | null;
}

/**
 * Records an IAM principal for a team. The account id, name and path come from the ARN, and the account must
 * belong to the team. A principal seen for the first time is the team's from the beginning of time; one that was
 * removed earlier comes back from now on, so the gap stays unattributed.
 */
export async function addTeamPrincipal(
  actor: TActor,
  slug: string,
  input: TAddTeamPrincipal,
  db?: TDb,
): Promise<TTeamPrincipalView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZAddTeamPrincipal, input, 'principal');
  const parsed = parsePrincipalArn(data.arn)!;
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const account = await tx.awsAccount.findUnique({
      where: { accountId: parsed.accountId },
      select: { teamId: true },
    });
    if (!account || account.teamId !== team.id) {
      throw new AppError(
        'VALIDATION',
        `Account ${parsed.accountId} is not an account of team "${slug}"; add the account first`,
        {
          issues: [
            { path: 'arn', message: `account ${parsed.accountId} is not one of this team's accounts` },
          ],
        },
      );
    }
    const existing = await findPrincipalWithOpenMapping(tx, parsed.arn);
    if (existing?.open) {
      throw new AppError(
        'CONFLICT',
        existing.open.teamId === team.id
          ? `${parsed.arn} is already a principal of "${slug}"`
          : `${parsed.arn} belongs to team "${existing.open.teamSlug}"; move it instead`,
        {
          issues: [
            {
              path: 'arn',
              message:
                existing.open.teamId === team.id
                  ? 'is already on this team'
                  : `belongs to team "${existing.open.teamSlug}"`,
            },
          ],
        },
      );
    }
    let principalId: string;
    let validFrom: Date | null = null;
    if (existing) {
      principalId = existing.id;
      validFrom = existing.lastClosedAt
        ? new Date(Math.max(Date.now(), existing.lastClosedAt.getTime()))
        : null;
    } else {
      await assertNoSameNamedPrincipal(tx, parsed);
      principalId = (await createPrincipal(tx, parsed)).id;
    }
    await openMapping(tx, { principalId, teamId: team.id, validFrom, createdById: userIdOf(actor) });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.principal.add',
      targetType: 'principal',
      targetId: parsed.arn,
      teamId: team.id,
      details: { arn: parsed.arn, validFrom: validFrom?.toISOString() ?? null },
    });
    return {
      arn: parsed.arn,
      accountId: parsed.accountId,
      name: parsed.name,
      path: parsed.path,
      kind: parsed.kind,
      since: validFrom?.toISOString() ?? null,
    };
  });
}
