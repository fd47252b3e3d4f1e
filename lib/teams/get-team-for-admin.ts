import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { resolveDb, type TDb } from '@/lib/db';

export interface TAdminTeamDetail {
  slug: string;
  name: string;
  costCenter: string;
  description: string | null;
  archived: boolean;
  members: { email: string; name: string; role: 'LEAD' | 'MEMBER' }[];
  accounts: {
    accountId: string;
    environment: string;
    name: string | null;
    principals: number;
    vpcs: number;
  }[];
  principals: {
    arn: string;
    accountId: string;
    name: string;
    path: string;
    kind: 'ROLE' | 'USER';
    since: string | null;
    activeGrants: number;
  }[];
  vpcs: {
    vpcId: string;
    accountId: string;
    region: string;
    environment: string;
    securityGroupIds: string[];
    name: string | null;
    associationStatus: string | null;
  }[];
  /** Other active teams, as move targets. */
  otherTeams: { slug: string; name: string }[];
}

/** One team's people and AWS footprint, for the admin team screen (archived teams included). */
export async function getTeamForAdmin(actor: TActor, slug: string, db?: TDb): Promise<TAdminTeamDetail> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  const t = await client.team.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      costCenter: true,
      description: true,
      archivedAt: true,
      memberships: { select: { role: true, user: { select: { email: true, name: true } } } },
      accounts: {
        orderBy: { accountId: 'asc' },
        select: {
          accountId: true,
          environment: true,
          name: true,
          _count: { select: { principals: true, vpcs: true } },
        },
      },
      principalMappings: {
        where: { validTo: null },
        select: {
          validFrom: true,
          principal: {
            select: {
              arn: true,
              accountId: true,
              name: true,
              path: true,
              kind: true,
              _count: { select: { grants: { where: { status: 'ACTIVE' } } } },
            },
          },
        },
      },
      vpcs: {
        orderBy: { vpcId: 'asc' },
        select: {
          vpcId: true,
          accountId: true,
          region: true,
          environment: true,
          securityGroupIds: true,
          name: true,
          associationStatus: true,
        },
      },
    },
  });
  if (!t) throw new AppError('NOT_FOUND', `Team "${slug}" was not found`);
  const others = await client.team.findMany({
    where: { archivedAt: null, id: { not: t.id } },
    orderBy: { name: 'asc' },
    select: { slug: true, name: true },
  });
  return {
    slug: t.slug,
    name: t.name,
    costCenter: t.costCenter,
    description: t.description,
    archived: t.archivedAt !== null,
    members: t.memberships
      .map((m) => ({ email: m.user.email, name: m.user.name, role: m.role }))
      .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'LEAD' ? -1 : 1)),
    accounts: t.accounts.map((a) => ({
      accountId: a.accountId,
      environment: a.environment,
      name: a.name,
      principals: a._count.principals,
      vpcs: a._count.vpcs,
    })),
    principals: t.principalMappings
      .map((m) => {
        const { _count, ...p } = m.principal;
        return { ...p, since: m.validFrom?.toISOString() ?? null, activeGrants: _count.grants };
      })
      .sort((a, b) => a.arn.localeCompare(b.arn)),
    vpcs: t.vpcs,
    otherTeams: others,
  };
}
