import { getDb } from '@/lib/db';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';

export interface TTeamSummary {
  slug: string;
  name: string;
  costCenter: string;
  myRole: 'LEAD' | 'MEMBER' | null;
  accounts: number;
  principals: number;
  vpcs: number;
  activeGrants: number;
  pendingRequests: number;
}

/** Teams the actor may read: their own, or all for approvers, finance and admins. Archived teams are left out. */
export async function listTeams(actor: TActor): Promise<TTeamSummary[]> {
  const db = await getDb();
  const scope = readableTeamIds(actor);
  const teams = await db.team.findMany({
    where: { archivedAt: null, ...(scope === 'all' ? {} : { id: { in: scope } }) },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      costCenter: true,
      _count: {
        select: {
          accounts: true,
          vpcs: true,
          principalMappings: { where: { validTo: null } },
          grants: { where: { status: 'ACTIVE' } },
          accessRequests: { where: { status: { in: ['PENDING', 'PENDING_SECOND_APPROVAL'] } } },
        },
      },
    },
  });
  return teams.map((t) => ({
    slug: t.slug,
    name: t.name,
    costCenter: t.costCenter,
    myRole: actor.teams.find((m) => m.teamId === t.id)?.role ?? null,
    accounts: t._count.accounts,
    principals: t._count.principalMappings,
    vpcs: t._count.vpcs,
    activeGrants: t._count.grants,
    pendingRequests: t._count.accessRequests,
  }));
}
