import { z } from 'zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hasGlobalRole, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError, forbidden, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { endGrantsInTx } from './revoke-grants-in-tx';

export const ZEmergencyRevoke = z
  .object({
    principalArn: z.string().min(1).optional(),
    team: z.string().min(1).optional(),
    reason: z.string().trim().min(3, 'say why').max(1000),
    /** The caller typed the principal ARN or team slug back: the confirmation. */
    confirm: z.string().min(1),
  })
  .refine((x) => Boolean(x.principalArn) !== Boolean(x.team), 'name exactly one of principalArn or team');
export type TEmergencyRevoke = z.input<typeof ZEmergencyRevoke>;

/**
 * Emergency revoke: every active or pending grant of a principal, or of a team, ends in one transaction with one
 * audit event per grant plus one for the action, and one run removes them from the live policy. Approvers and
 * admins only; the caller confirms by repeating the target.
 */
export async function emergencyRevoke(
  actor: TActor,
  input: TEmergencyRevoke,
  options: { db?: TDb; now?: Date } = {},
): Promise<{ revoked: number; runId: string | null }> {
  const v = parseOrThrow(ZEmergencyRevoke, input, 'emergency revoke');
  if (!hasGlobalRole(actor, 'APPROVER') && !hasGlobalRole(actor, 'ADMIN')) {
    throw forbidden('Only approvers and admins can run an emergency revoke');
  }
  const target = v.principalArn ?? v.team!;
  if (v.confirm !== target) {
    throw new AppError('VALIDATION', 'Type the principal ARN or team slug to confirm', {
      issues: [{ path: 'confirm', message: `must equal ${target}` }],
    });
  }
  const db = await resolveDb(options.db);
  let where;
  if (v.team) {
    const team = await db.team.findUnique({ where: { slug: v.team }, select: { id: true } });
    if (!team) throw notFound('Team', { team: v.team });
    where = { teamId: team.id };
  } else {
    const principal = await db.principal.findUnique({
      where: { arn: v.principalArn! },
      select: { id: true },
    });
    if (!principal) throw notFound('Principal', { principalArn: v.principalArn });
    where = { principalId: principal.id };
  }
  const grants = await db.grant.findMany({
    where: { ...where, status: { in: ['ACTIVE', 'PENDING'] } },
    select: { id: true },
  });
  const now = options.now ?? new Date();
  const out = await db.$transaction(async (tx) => {
    const ended = await endGrantsInTx(tx, {
      grantIds: grants.map((g) => g.id),
      status: 'REVOKED',
      actor: auditActorOf(actor),
      reason: `Emergency revoke: ${v.reason}`,
      now,
      action: 'grant.revoke',
      extraAudit: { emergency: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'grant.emergency-revoke',
      targetType: v.team ? 'Team' : 'Principal',
      targetId: target,
      details: { reason: v.reason, grants: ended.ended, runId: ended.runId },
    });
    return ended;
  });
  return { revoked: out.ended, runId: out.runId };
}
