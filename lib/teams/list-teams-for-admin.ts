import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';

export interface TAdminTeamSummary {
  slug: string;
  name: string;
  costCenter: string;
  archived: boolean;
  members: number;
  accounts: number;
  principals: number;
  vpcs: number;
}

/** Every team, archived ones included (last), for administration. */
export async function listTeamsForAdmin(actor: TActor, db?: TDb): Promise<TAdminTeamSummary[]> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  const teams = await client.team.findMany({
    orderBy: [{ name: 'asc' }],
    select: {
      slug: true,
      name: true,
      costCenter: true,
      archivedAt: true,
      _count: {
        select: {
          memberships: true,
          accounts: true,
          vpcs: true,
          principalMappings: { where: { validTo: null } },
        },
      },
    },
  });
  return teams
    .map((t) => ({
      slug: t.slug,
      name: t.name,
      costCenter: t.costCenter,
      archived: t.archivedAt !== null,
      members: t._count.memberships,
      accounts: t._count.accounts,
      principals: t._count.principalMappings,
      vpcs: t._count.vpcs,
    }))
    .sort((a, b) => Number(a.archived) - Number(b.archived));
}
