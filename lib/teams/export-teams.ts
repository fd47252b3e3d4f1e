import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';

export interface TExportedTeam {
  name: string;
  costCenter: string;
  description?: string;
  accounts: (string | { accountId: string; environment: string; name?: string })[];
  principals: string[];
  vpcs: {
    vpcId: string;
    accountId: string;
    region: string;
    environment: string;
    securityGroupIds: string[];
    name?: string;
  }[];
  members: { email: string; name: string; role: 'lead' | 'member' }[];
}

/**
 * The recorded teams (archived ones left out) in the teams-as-code format, complete enough that importing the
 * export changes nothing. Keys and lists are sorted so exports diff cleanly in version control.
 */
export async function exportTeams(actor: TActor, db?: TDb): Promise<Record<string, TExportedTeam>> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  const teams = await client.team.findMany({
    where: { archivedAt: null },
    orderBy: { slug: 'asc' },
    select: {
      slug: true,
      name: true,
      costCenter: true,
      description: true,
      accounts: { orderBy: { accountId: 'asc' }, select: { accountId: true, environment: true, name: true } },
      principalMappings: { where: { validTo: null }, select: { principal: { select: { arn: true } } } },
      vpcs: {
        orderBy: { vpcId: 'asc' },
        select: {
          vpcId: true,
          accountId: true,
          region: true,
          environment: true,
          securityGroupIds: true,
          name: true,
        },
      },
      memberships: { select: { role: true, user: { select: { email: true, name: true } } } },
    },
  });
  const out: Record<string, TExportedTeam> = {};
  for (const t of teams) {
    out[t.slug] = {
      name: t.name,
      costCenter: t.costCenter,
      ...(t.description ? { description: t.description } : {}),
      // The short form (a bare id) when nothing but the id is set, as people write it by hand.
      accounts: t.accounts.map((a) =>
        a.environment === 'default' && !a.name
          ? a.accountId
          : { accountId: a.accountId, environment: a.environment, ...(a.name ? { name: a.name } : {}) },
      ),
      principals: t.principalMappings.map((m) => m.principal.arn).sort(),
      vpcs: t.vpcs.map((v) => ({
        vpcId: v.vpcId,
        accountId: v.accountId,
        region: v.region,
        environment: v.environment,
        securityGroupIds: v.securityGroupIds,
        ...(v.name ? { name: v.name } : {}),
      })),
      members: t.memberships
        .map((m) => ({
          email: m.user.email,
          name: m.user.name,
          role: m.role === 'LEAD' ? ('lead' as const) : ('member' as const),
        }))
        .sort((a, b) => a.email.localeCompare(b.email)),
    };
  }
  return out;
}
