import type { TDbTx } from '@/lib/db';

export interface TSnapTeam {
  id: string;
  slug: string;
  name: string;
  costCenter: string;
  description: string | null;
  archived: boolean;
  pendingRequests: number;
  activeGrants: number;
}
export interface TSnapAccount {
  accountId: string;
  teamSlug: string;
  environment: string;
  name: string | null;
  principals: number;
}
export interface TSnapPrincipal {
  id: string;
  arn: string;
  accountId: string;
  kind: 'ROLE' | 'USER';
  name: string;
  path: string;
  open: { id: string; teamSlug: string; validFrom: Date | null } | null;
  lastClosedAt: Date | null;
  /** Active grants per team slug. */
  activeGrants: Map<string, number>;
}
export interface TSnapVpc {
  vpcId: string;
  teamSlug: string;
  accountId: string;
  region: string;
  environment: string;
  securityGroupIds: string[];
  name: string | null;
  associationArn: string | null;
}
export interface TTeamsSnapshot {
  teams: Map<string, TSnapTeam>;
  accounts: Map<string, TSnapAccount>;
  principals: Map<string, TSnapPrincipal>;
  /** (accountId|kind|name) → arn: IAM names are unique per account whatever the path. */
  principalEntities: Map<string, string>;
  vpcs: Map<string, TSnapVpc>;
  users: Map<string, { id: string; name: string }>;
  /** teamSlug → email → role */
  memberships: Map<string, Map<string, 'LEAD' | 'MEMBER'>>;
  /** Region for VPCs the file gives none for. */
  defaultRegion: string;
}

export const entityKeyOf = (p: { accountId: string; kind: string; name: string }) =>
  `${p.accountId}|${p.kind}|${p.name}`;

/** Everything the teams-as-code import compares against, read once inside the import's transaction. */
export async function loadTeamsSnapshot(tx: TDbTx, fallbackRegion: string): Promise<TTeamsSnapshot> {
  const teams = await tx.team.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      costCenter: true,
      description: true,
      archivedAt: true,
      _count: {
        select: { accessRequests: { where: { status: 'PENDING' } }, grants: { where: { status: 'ACTIVE' } } },
      },
    },
  });
  const slugOf = new Map(teams.map((t) => [t.id, t.slug]));
  const slug = (id: string) => slugOf.get(id) ?? id;
  const accounts = await tx.awsAccount.findMany({
    select: {
      accountId: true,
      teamId: true,
      environment: true,
      name: true,
      _count: { select: { principals: true } },
    },
  });
  const principals = await tx.principal.findMany({
    select: {
      id: true,
      arn: true,
      accountId: true,
      kind: true,
      name: true,
      path: true,
      mappings: { select: { id: true, teamId: true, validFrom: true, validTo: true } },
      grants: { where: { status: 'ACTIVE' }, select: { teamId: true } },
    },
  });
  const vpcs = await tx.vpc.findMany({
    select: {
      vpcId: true,
      teamId: true,
      accountId: true,
      region: true,
      environment: true,
      securityGroupIds: true,
      name: true,
      associationArn: true,
    },
  });
  const users = await tx.user.findMany({ select: { id: true, email: true, name: true } });
  const memberships = await tx.teamMembership.findMany({
    select: { teamId: true, role: true, user: { select: { email: true } } },
  });
  const settings = await tx.estateSettings.findUnique({ where: { id: 1 }, select: { region: true } });

  const snap: TTeamsSnapshot = {
    teams: new Map(
      teams.map((t) => [
        t.slug,
        {
          id: t.id,
          slug: t.slug,
          name: t.name,
          costCenter: t.costCenter,
          description: t.description,
          archived: t.archivedAt !== null,
          pendingRequests: t._count.accessRequests,
          activeGrants: t._count.grants,
        },
      ]),
    ),
    accounts: new Map(
      accounts.map((a) => [
        a.accountId,
        {
          accountId: a.accountId,
          teamSlug: slug(a.teamId),
          environment: a.environment,
          name: a.name,
          principals: a._count.principals,
        },
      ]),
    ),
    principals: new Map(),
    principalEntities: new Map(),
    vpcs: new Map(vpcs.map((v) => [v.vpcId, { ...v, teamSlug: slug(v.teamId) }])),
    users: new Map(users.map((u) => [u.email, { id: u.id, name: u.name }])),
    memberships: new Map(),
    defaultRegion: settings?.region ?? fallbackRegion,
  };
  for (const p of principals) {
    const open = p.mappings.find((m) => m.validTo === null);
    const closed = p.mappings.flatMap((m) => (m.validTo ? [m.validTo.getTime()] : []));
    const activeGrants = new Map<string, number>();
    for (const g of p.grants) activeGrants.set(slug(g.teamId), (activeGrants.get(slug(g.teamId)) ?? 0) + 1);
    snap.principals.set(p.arn, {
      id: p.id,
      arn: p.arn,
      accountId: p.accountId,
      kind: p.kind,
      name: p.name,
      path: p.path,
      open: open ? { id: open.id, teamSlug: slug(open.teamId), validFrom: open.validFrom } : null,
      lastClosedAt: closed.length ? new Date(Math.max(...closed)) : null,
      activeGrants,
    });
    snap.principalEntities.set(entityKeyOf(p), p.arn);
  }
  for (const m of memberships) {
    const s = slug(m.teamId);
    if (!snap.memberships.has(s)) snap.memberships.set(s, new Map());
    snap.memberships.get(s)!.set(m.user.email, m.role);
  }
  return snap;
}
