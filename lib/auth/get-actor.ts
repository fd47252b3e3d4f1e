import { getDb, type TDb } from '@/lib/db';
import type { TActor, TGlobalRole, TTeamRole } from './permissions';

/**
 * Loads the acting user for a session id from the JWT. The session row must exist, be unexpired and unrevoked,
 * and the user enabled: signing out (or an admin disabling a user) takes effect at the next request.
 */
export async function getActorForSession(
  sessionId: string,
  userId: string,
  client?: TDb,
): Promise<TActor | null> {
  const db = client ?? (await getDb());
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      revokedAt: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          disabled: true,
          globalRoles: true,
          memberships: {
            select: { role: true, team: { select: { id: true, slug: true, name: true, archivedAt: true } } },
          },
        },
      },
    },
  });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt < new Date())
    return null;
  const u = session.user;
  if (u.disabled) return null;
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    sessionId,
    globalRoles: u.globalRoles as TGlobalRole[],
    teams: u.memberships
      .filter((m) => !m.team.archivedAt)
      .map((m) => ({ teamId: m.team.id, slug: m.team.slug, name: m.team.name, role: m.role as TTeamRole }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
  };
}
