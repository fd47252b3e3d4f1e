import { resolveDb, type TDb } from '@/lib/db';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';
import type { TPage } from './access-schemas';

export interface TRequestTeamView {
  slug: string;
  name: string;
  costCenter: string;
  accounts: { accountId: string; environment: string; name: string | null }[];
  principals: { arn: string; accountId: string; name: string; path: string; kind: 'ROLE' | 'USER' }[];
  vpcs: {
    vpcId: string;
    accountId: string;
    region: string;
    environment: string;
    securityGroupIds: string[];
    associationStatus: string | null;
  }[];
}

/** The teams an API client may request for or read: own teams, or all for global readers. One page. */
export async function listRequestTeams(
  actor: TActor,
  query: { cursor?: string; limit?: number } = {},
  db?: TDb,
): Promise<TPage<TRequestTeamView>> {
  const client = await resolveDb(db);
  const scope = readableTeamIds(actor);
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 200);
  const rows = await client.team.findMany({
    where: { archivedAt: null, ...(scope === 'all' ? {} : { id: { in: scope } }) },
    orderBy: { slug: 'asc' },
    take: limit + 1,
    ...(query.cursor ? { cursor: { slug: query.cursor }, skip: 1 } : {}),
    select: {
      slug: true,
      name: true,
      costCenter: true,
      accounts: { orderBy: { accountId: 'asc' }, select: { accountId: true, environment: true, name: true } },
      principalMappings: {
        where: { validTo: null },
        select: { principal: { select: { arn: true, accountId: true, name: true, path: true, kind: true } } },
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
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((t) => ({
      slug: t.slug,
      name: t.name,
      costCenter: t.costCenter,
      accounts: t.accounts,
      principals: t.principalMappings.map((m) => m.principal).sort((a, b) => a.arn.localeCompare(b.arn)),
      vpcs: t.vpcs,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.slug ?? null) : null,
  };
}
