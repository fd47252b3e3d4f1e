import type { TDbTx } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TActor } from '@/lib/auth/permissions';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import type { TTeamsSnapshot } from './load-teams-snapshot';
import type { TImportChange } from './plan-teams-import';
import { closeMapping, createPrincipal, openMapping } from './principal-mappings';

// Foreign keys decide the order: teams and users first, accounts before the principals and VPCs in them, and
// removals of VPCs and accounts only after everything that might still point at them has moved.
const PHASE: Record<TImportChange['kind'], number> = {
  'user.create': 0,
  'team.create': 1,
  'team.update': 1,
  'account.add': 2,
  'account.move': 2,
  'account.update': 2,
  'principal.add': 3,
  'principal.move': 3,
  'principal.remove': 3,
  'vpc.add': 4,
  'vpc.move': 4,
  'vpc.update': 4,
  'member.add': 5,
  'member.role': 5,
  'member.remove': 5,
  'vpc.remove': 6,
  'account.remove': 7,
  'team.archive': 8,
};

export function orderChanges(changes: TImportChange[]): TImportChange[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => PHASE[a.c.kind] - PHASE[b.c.kind] || a.i - b.i)
    .map((x) => x.c);
}

/** Writes a planned import, one audit event per change, inside the caller's transaction. */
export async function applyTeamsImport(
  tx: TDbTx,
  actor: TActor,
  snap: TTeamsSnapshot,
  changes: TImportChange[],
): Promise<void> {
  const who = auditActorOf(actor);
  const teamIds = new Map([...snap.teams.values()].map((t) => [t.slug, t.id]));
  const userIds = new Map([...snap.users.entries()].map(([email, u]) => [email, u.id]));
  const teamId = (slug: string) => teamIds.get(slug)!;
  const audit = (
    c: TImportChange,
    action: string,
    targetType: string,
    targetId: string,
    details: Record<string, unknown>,
  ) =>
    recordAuditEvent(tx, {
      actor: who,
      action,
      targetType,
      targetId,
      teamId: teamIds.get(c.team) ?? null,
      details: { ...details, via: 'teams import' },
    });

  for (const c of orderChanges(changes)) {
    switch (c.kind) {
      case 'user.create': {
        const u = await tx.user.create({ data: { email: c.email, name: c.name }, select: { id: true } });
        userIds.set(c.email, u.id);
        await audit(c, 'user.create', 'user', c.email, { email: c.email, name: c.name });
        break;
      }
      case 'team.create': {
        const t = await tx.team.create({
          data: { slug: c.team, name: c.name, costCenter: c.costCenter, description: c.description },
          select: { id: true },
        });
        teamIds.set(c.team, t.id);
        await audit(c, 'team.create', 'team', c.team, {
          slug: c.team,
          name: c.name,
          costCenter: c.costCenter,
        });
        break;
      }
      case 'team.update':
        await tx.team.update({
          where: { slug: c.team },
          data: {
            ...Object.fromEntries(Object.entries(c.changes).map(([k, v]) => [k, v.to])),
            ...(c.restore ? { archivedAt: null } : {}),
          },
          select: { id: true },
        });
        await audit(c, c.restore ? 'team.restore' : 'team.update', 'team', c.team, { changes: c.changes });
        break;
      case 'team.archive':
        await tx.team.update({
          where: { slug: c.team },
          data: { archivedAt: new Date() },
          select: { id: true },
        });
        await audit(c, 'team.archive', 'team', c.team, {});
        break;
      case 'account.add':
        await tx.awsAccount.create({
          data: { accountId: c.accountId, teamId: teamId(c.team), environment: c.environment, name: c.name },
          select: { id: true },
        });
        await audit(c, 'team.account.add', 'aws-account', c.accountId, {
          accountId: c.accountId,
          environment: c.environment,
        });
        break;
      case 'account.update':
      case 'account.move':
        await tx.awsAccount.update({
          where: { accountId: c.accountId },
          data: {
            teamId: teamId(c.team),
            ...Object.fromEntries(Object.entries(c.changes).map(([k, v]) => [k, v.to])),
          },
          select: { id: true },
        });
        await audit(
          c,
          c.kind === 'account.move' ? 'team.account.move' : 'team.account.update',
          'aws-account',
          c.accountId,
          {
            accountId: c.accountId,
            ...(c.kind === 'account.move' ? { fromTeam: c.from, toTeam: c.team } : {}),
            changes: c.changes,
          },
        );
        break;
      case 'account.remove':
        await tx.awsAccount.delete({ where: { accountId: c.accountId }, select: { id: true } });
        await audit(c, 'team.account.remove', 'aws-account', c.accountId, { accountId: c.accountId });
        break;
      case 'principal.add': {
        const principalId = c.existingId ?? (await createPrincipal(tx, c.principal)).id;
        await openMapping(tx, {
          principalId,
          teamId: teamId(c.team),
          validFrom: c.validFrom,
          createdById: userIdOf(actor),
        });
        await audit(c, 'team.principal.add', 'principal', c.principal.arn, {
          arn: c.principal.arn,
          validFrom: c.validFrom?.toISOString() ?? null,
        });
        break;
      }
      case 'principal.move':
        await closeMapping(tx, c.mappingId, c.effectiveAt);
        await openMapping(tx, {
          principalId: c.principalId,
          teamId: teamId(c.team),
          validFrom: c.effectiveAt,
          createdById: userIdOf(actor),
        });
        await audit(c, 'team.principal.move', 'principal', c.arn, {
          arn: c.arn,
          fromTeam: c.from,
          toTeam: c.team,
          effectiveAt: c.effectiveAt.toISOString(),
        });
        break;
      case 'principal.remove':
        await closeMapping(tx, c.mappingId, c.effectiveAt);
        await audit(c, 'team.principal.remove', 'principal', c.arn, {
          arn: c.arn,
          validTo: c.effectiveAt.toISOString(),
        });
        break;
      case 'vpc.add':
        await tx.vpc.create({
          data: {
            vpcId: c.vpcId,
            teamId: teamId(c.team),
            accountId: c.accountId,
            region: c.region,
            environment: c.environment,
            securityGroupIds: c.securityGroupIds,
            name: c.name,
          },
          select: { id: true },
        });
        await audit(c, 'team.vpc.add', 'vpc', c.vpcId, {
          vpcId: c.vpcId,
          accountId: c.accountId,
          region: c.region,
          securityGroupIds: c.securityGroupIds,
        });
        break;
      case 'vpc.update':
      case 'vpc.move':
        await tx.vpc.update({
          where: { vpcId: c.vpcId },
          data: {
            teamId: teamId(c.team),
            ...Object.fromEntries(Object.entries(c.changes).map(([k, v]) => [k, v.to])),
          },
          select: { id: true },
        });
        await audit(c, c.kind === 'vpc.move' ? 'team.vpc.move' : 'team.vpc.update', 'vpc', c.vpcId, {
          vpcId: c.vpcId,
          ...(c.kind === 'vpc.move' ? { fromTeam: c.from, toTeam: c.team } : {}),
          changes: c.changes,
        });
        break;
      case 'vpc.remove':
        await tx.vpc.delete({ where: { vpcId: c.vpcId }, select: { id: true } });
        await audit(c, 'team.vpc.remove', 'vpc', c.vpcId, { vpcId: c.vpcId });
        break;
      case 'member.add':
        await tx.teamMembership.create({
          data: { teamId: teamId(c.team), userId: userIds.get(c.email)!, role: c.role },
          select: { id: true },
        });
        await audit(c, 'team.member.add', 'user', c.email, { email: c.email, role: c.role });
        break;
      case 'member.role':
        await tx.teamMembership.update({
          where: { teamId_userId: { teamId: teamId(c.team), userId: userIds.get(c.email)! } },
          data: { role: c.to },
          select: { id: true },
        });
        await audit(c, 'team.member.role', 'user', c.email, { email: c.email, from: c.from, to: c.to });
        break;
      case 'member.remove':
        await tx.teamMembership.delete({
          where: { teamId_userId: { teamId: teamId(c.team), userId: userIds.get(c.email)! } },
          select: { id: true },
        });
        await audit(c, 'team.member.remove', 'user', c.email, { email: c.email });
        break;
    }
  }
}
