import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

export interface TTeamOverview {
  slug: string;
  name: string;
  costCenter: string;
  myRole: 'LEAD' | 'MEMBER' | null;
  members: { name: string; email: string; role: 'LEAD' | 'MEMBER' }[];
  accounts: { accountId: string; environment: string; name: string | null }[];
  principals: {
    arn: string;
    name: string;
    path: string;
    accountId: string;
    kind: string;
    since: string | null;
  }[];
  vpcs: {
    vpcId: string;
    accountId: string;
    region: string;
    environment: string;
    securityGroupIds: string[];
    associationStatus: string | null;
  }[];
  grants: {
    principalArn: string;
    modelId: string;
    modelName: string;
    status: string;
    /** null = until revoked. */
    expiresAt: string | null;
    validFrom: string;
  }[];
}

/** One team's footprint and grants. Scope is checked here too: a lead or member sees only their own teams. */
export async function getTeamOverview(actor: TActor, slug: string): Promise<TTeamOverview> {
  const db = await getDb();
  const team = await db.team.findUnique({ where: { slug }, select: { id: true, archivedAt: true } });
  // Same answer for "does not exist" and "not yours" would hide existence, but a clear 403 is what users expect
  // for a team they know about; ids are slugs, not secrets.
  if (!team || team.archivedAt) throw new AppError('NOT_FOUND', `Team "${slug}" was not found`);
  assertCan(actor, 'team:read', { teamId: team.id });

  const t = await db.team.findUniqueOrThrow({
    where: { id: team.id },
    select: {
      slug: true,
      name: true,
      costCenter: true,
      memberships: { select: { role: true, user: { select: { name: true, email: true } } } },
      accounts: { orderBy: { accountId: 'asc' }, select: { accountId: true, environment: true, name: true } },
      principalMappings: {
        where: { validTo: null },
        select: {
          validFrom: true,
          principal: { select: { arn: true, name: true, path: true, accountId: true, kind: true } },
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
          associationStatus: true,
        },
      },
      grants: {
        where: { status: 'ACTIVE' },
        orderBy: [{ expiresAt: 'asc' }],
        select: {
          status: true,
          expiresAt: true,
          validFrom: true,
          principal: { select: { arn: true } },
          model: { select: { modelId: true, name: true } },
        },
      },
    },
  });

  return {
    slug: t.slug,
    name: t.name,
    costCenter: t.costCenter,
    myRole: actor.teams.find((m) => m.teamId === team.id)?.role ?? null,
    members: t.memberships
      .map((m) => ({ name: m.user.name, email: m.user.email, role: m.role }))
      .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'LEAD' ? -1 : 1)),
    accounts: t.accounts,
    principals: t.principalMappings
      .map((m) => ({ ...m.principal, since: m.validFrom?.toISOString() ?? null }))
      .sort((a, b) => a.arn.localeCompare(b.arn)),
    vpcs: t.vpcs,
    grants: t.grants.map((g) => ({
      principalArn: g.principal.arn,
      modelId: g.model.modelId,
      modelName: g.model.name,
      status: g.status,
      expiresAt: g.expiresAt?.toISOString() ?? null,
      validFrom: g.validFrom.toISOString(),
    })),
  };
}
