import { resolveDb, type TDb } from '@/lib/db';
import { can, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

export interface TTeamAuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  details: unknown;
}

/**
 * The audit events of one team, newest first: its leads read them on the team page (members do not), as do the
 * global audit readers.
 */
export async function listTeamAuditEvents(
  actor: TActor,
  slug: string,
  options: { limit?: number; db?: TDb } = {},
): Promise<TTeamAuditEvent[]> {
  const client = await resolveDb(options.db);
  const team = await client.team.findUnique({ where: { slug }, select: { id: true } });
  if (!team) throw new AppError('NOT_FOUND', `Team "${slug}" was not found`);
  const lead = actor.teams.some((t) => t.teamId === team.id && t.role === 'LEAD');
  if (!lead && !can(actor, 'audit:read'))
    throw new AppError('FORBIDDEN', "Only the team's leads read its audit events");
  const rows = await client.auditEvent.findMany({
    where: { teamId: team.id },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: Math.min(options.limit ?? 50, 200),
    select: {
      id: true,
      at: true,
      actorLabel: true,
      actor: { select: { name: true } },
      action: true,
      targetType: true,
      targetId: true,
      details: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    // People are shown by name, as everywhere else on the team page; the system and the CLI by their label.
    actor: r.actor?.name ?? r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    details: r.details,
  }));
}
