import { getDb, type TDb } from '@/lib/db';
import type { TActor, TGlobalRole, TTeamRole } from './permissions';

const ACTOR_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  disabled: true,
  globalRoles: true,
  memberships: {
    select: { role: true, team: { select: { id: true, slug: true, name: true, archivedAt: true } } },
  },
} as const;

type TActorUserRow = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  globalRoles: string[];
  memberships: { role: string; team: { id: string; slug: string; name: string; archivedAt: Date | null } }[];
};

/** The actor a user row stands for, with its current roles and teams; null when the user is disabled. */
export function actorFromUserRow(u: TActorUserRow, extra: Partial<TActor> = {}): TActor | null {
  if (u.disabled) return null;
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    globalRoles: u.globalRoles as TGlobalRole[],
    teams: u.memberships
      .filter((m) => !m.team.archivedAt)
      .map((m) => ({ teamId: m.team.id, slug: m.team.slug, name: m.team.name, role: m.role as TTeamRole }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    ...extra,
  };
}

export { ACTOR_USER_SELECT };

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
    select: { userId: true, revokedAt: true, expiresAt: true, user: { select: ACTOR_USER_SELECT } },
  });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt < new Date())
    return null;
  return actorFromUserRow(session.user, { sessionId });
}
