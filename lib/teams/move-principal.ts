import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import {
  checkEffectiveAt,
  closeMapping,
  findPrincipalWithOpenMapping,
  openMapping,
} from './principal-mappings';
import { resolveDb, type TDb } from '@/lib/db';
import { ZEffectiveAt, ZPrincipalArn, ZTeamSlug } from './team-schemas';

export const ZMovePrincipal = z.object({
  arn: ZPrincipalArn,
  toTeam: ZTeamSlug,
  /** When the principal changed hands; defaults to now. Logs before it stay with the old team. */
  effectiveAt: ZEffectiveAt.optional(),
});
export type TMovePrincipal = z.input<typeof ZMovePrincipal>;

export interface TMovePrincipalResult {
  arn: string;
  fromTeam: string;
  toTeam: string;
  effectiveAt: string;
  /** Active grants stay with the old team (they were approved for it) until revoked or expired. */
  activeGrantsOfOldTeam: number;
}

/**
 * Moves a principal to another team at an effective time: the current mapping is closed there and a new one opens
 * there, so usage before the move is still charged to the old team.
 */
export async function movePrincipal(
  actor: TActor,
  input: TMovePrincipal,
  db?: TDb,
): Promise<TMovePrincipalResult> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZMovePrincipal, input, 'move');
  const effectiveAt = data.effectiveAt ? new Date(data.effectiveAt) : new Date();
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const target = await getTeamIdOrThrow(tx, data.toTeam);
    if (target.archivedAt) throw new AppError('CONFLICT', `Team "${data.toTeam}" is archived`);
    const principal = await findPrincipalWithOpenMapping(tx, data.arn);
    if (!principal?.open) {
      throw new AppError('NOT_FOUND', `${data.arn} is not a principal of any team; add it to a team instead`);
    }
    if (principal.open.teamId === target.id) {
      throw new AppError('CONFLICT', `${data.arn} already belongs to team "${data.toTeam}"`, {
        issues: [{ path: 'toTeam', message: 'is the current team' }],
      });
    }
    const problem = checkEffectiveAt(effectiveAt, principal.open);
    if (problem)
      throw new AppError('VALIDATION', `Effective time ${problem}`, {
        issues: [{ path: 'effectiveAt', message: problem }],
      });
    await closeMapping(tx, principal.open.id, effectiveAt);
    await openMapping(tx, {
      principalId: principal.id,
      teamId: target.id,
      validFrom: effectiveAt,
      createdById: userIdOf(actor),
    });
    const activeGrantsOfOldTeam = await tx.grant.count({
      where: { principalId: principal.id, teamId: principal.open.teamId, status: 'ACTIVE' },
    });
    const details = {
      arn: data.arn,
      fromTeam: principal.open.teamSlug,
      toTeam: target.slug,
      effectiveAt: effectiveAt.toISOString(),
      activeGrantsOfOldTeam,
    };
    // Recorded under both teams, so each team's audit trail shows the move.
    for (const teamId of [principal.open.teamId, target.id]) {
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'team.principal.move',
        targetType: 'principal',
        targetId: data.arn,
        teamId,
        details,
      });
    }
    return {
      arn: data.arn,
      fromTeam: principal.open.teamSlug,
      toTeam: target.slug,
      effectiveAt: effectiveAt.toISOString(),
      activeGrantsOfOldTeam,
    };
  });
}
