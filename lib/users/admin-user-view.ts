import type { TDbTx } from '@/lib/db';
import type { TActor, TGlobalRole, TTeamRole } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';

/** One person as the admin People screen sees them: never a raw row (no OIDC subject, no session ids). */
export interface TAdminUser {
  id: string;
  email: string;
  name: string;
  globalRoles: TGlobalRole[];
  teams: { slug: string; name: string; role: TTeamRole }[];
  disabled: boolean;
  /** ISO-8601, or null if the person never signed in. */
  lastSignInAt: string | null;
  /** Unrevoked, unexpired sign-in sessions. */
  activeSessions: number;
  /** Signs in through OIDC: the IdP's groups replace the global roles at every sign-in. */
  managedByIdp: boolean;
  /** The acting admin themselves (the screen disables lock-out actions on this row). */
  self: boolean;
}

function selectAdminUser(now: Date) {
  return {
    id: true,
    email: true,
    name: true,
    globalRoles: true,
    disabled: true,
    lastSignInAt: true,
    oidcSubject: true,
    memberships: { select: { role: true, team: { select: { slug: true, name: true, archivedAt: true } } } },
    sessions: { where: { provider: 'oidc' }, select: { id: true }, take: 1 },
    _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } } } } },
  } satisfies Prisma.UserSelect;
}

/** Loads people for administration, ordered by name, serialized for the screen. */
export async function loadAdminUsers(
  tx: TDbTx,
  actor: TActor,
  where: Prisma.UserWhereInput = {},
): Promise<TAdminUser[]> {
  const rows = await tx.user.findMany({
    where,
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: selectAdminUser(new Date()),
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    globalRoles: [...(u.globalRoles as TGlobalRole[])].sort(),
    teams: u.memberships
      .filter((m) => !m.team.archivedAt)
      .map((m) => ({ slug: m.team.slug, name: m.team.name, role: m.role as TTeamRole }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    disabled: u.disabled,
    lastSignInAt: u.lastSignInAt ? u.lastSignInAt.toISOString() : null,
    activeSessions: u._count.sessions,
    managedByIdp: u.oidcSubject !== null || u.sessions.length > 0,
    self: !actor.system && u.id === actor.userId,
  }));
}

/** One person's view after a change. */
export async function loadAdminUser(tx: TDbTx, actor: TActor, userId: string): Promise<TAdminUser> {
  const [user] = await loadAdminUsers(tx, actor, { id: userId });
  if (!user) throw new Error(`user ${userId} vanished inside its own transaction`);
  return user;
}
