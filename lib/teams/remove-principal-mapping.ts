import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { checkEffectiveAt, closeMapping, findPrincipalWithOpenMapping } from './principal-mappings';
import { resolveDb, type TDb } from '@/lib/db';
import { ZEffectiveAt, ZPrincipalArn } from './team-schemas';

export const ZRemovePrincipalMapping = z.object({ arn: ZPrincipalArn, effectiveAt: ZEffectiveAt.optional() });
export type TRemovePrincipalMapping = z.input<typeof ZRemovePrincipalMapping>;

/**
 * Ends a principal's membership of a team at an effective time (default now). The principal and its mapping
 * history stay, so earlier logs keep their team. Refused while the team holds active grants for it: the auth
 * policy would keep allowing a principal no team answers for.
 */
export async function removePrincipalMapping(
  actor: TActor,
  slug: string,
  input: TRemovePrincipalMapping,
  db?: TDb,
): Promise<{ arn: string; validTo: string }> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZRemovePrincipalMapping, input, 'principal');
  const effectiveAt = data.effectiveAt ? new Date(data.effectiveAt) : new Date();
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const team = await getTeamIdOrThrow(tx, slug);
    const principal = await findPrincipalWithOpenMapping(tx, data.arn);
    if (!principal?.open || principal.open.teamId !== team.id) {
      throw new AppError('NOT_FOUND', `${data.arn} is not a principal of team "${slug}"`);
    }
    const grants = await tx.grant.count({
      where: { principalId: principal.id, teamId: team.id, status: 'ACTIVE' },
    });
    if (grants > 0) {
      throw new AppError(
        'CONFLICT',
        `${data.arn} has ${grants} active grant(s) for "${slug}"; revoke them first`,
        {
          details: { activeGrants: grants },
        },
      );
    }
    const problem = checkEffectiveAt(effectiveAt, principal.open);
    if (problem)
      throw new AppError('VALIDATION', `Effective time ${problem}`, {
        issues: [{ path: 'effectiveAt', message: problem }],
      });
    await closeMapping(tx, principal.open.id, effectiveAt);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.principal.remove',
      targetType: 'principal',
      targetId: data.arn,
      teamId: team.id,
      details: { arn: data.arn, validTo: effectiveAt.toISOString() },
    });
    return { arn: data.arn, validTo: effectiveAt.toISOString() };
  });
}
