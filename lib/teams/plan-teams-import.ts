/**
 * Compares a teams file with the recorded teams and works out every change, or every reason it cannot be applied.
 * Pure: the snapshot is read beforehand, so a dry run and the real import plan exactly the same thing.
 */
import type { TFieldIssue } from '@/lib/errors/app-error';
import { entityKeyOf, type TTeamsSnapshot } from './load-teams-snapshot';
import {
  DEFAULT_COST_CENTER,
  type TFileAccount,
  type TFileMember,
  type TFileVpc,
  type TTeamEntry,
} from './teams-file';
import { parsePrincipalArn, type TParsedPrincipalArn } from './team-schemas';

type TFieldChanges = Record<string, { from: unknown; to: unknown }>;

export type TImportChange =
  | { kind: 'team.create'; team: string; name: string; costCenter: string; description: string | null }
  | { kind: 'team.update'; team: string; changes: TFieldChanges; restore: boolean }
  | { kind: 'team.archive'; team: string }
  | { kind: 'user.create'; team: string; email: string; name: string }
  | { kind: 'member.add'; team: string; email: string; role: 'LEAD' | 'MEMBER' }
  | { kind: 'member.role'; team: string; email: string; from: 'LEAD' | 'MEMBER'; to: 'LEAD' | 'MEMBER' }
  | { kind: 'member.remove'; team: string; email: string }
  | { kind: 'account.add'; team: string; accountId: string; environment: string; name: string | null }
  | { kind: 'account.update'; team: string; accountId: string; changes: TFieldChanges }
  | { kind: 'account.move'; team: string; from: string; accountId: string; changes: TFieldChanges }
  | { kind: 'account.remove'; team: string; accountId: string }
  | {
      kind: 'principal.add';
      team: string;
      principal: TParsedPrincipalArn;
      existingId: string | null;
      validFrom: Date | null;
    }
  | {
      kind: 'principal.move';
      team: string;
      from: string;
      arn: string;
      principalId: string;
      mappingId: string;
      effectiveAt: Date;
    }
  | { kind: 'principal.remove'; team: string; arn: string; mappingId: string; effectiveAt: Date }
  | {
      kind: 'vpc.add';
      team: string;
      vpcId: string;
      accountId: string;
      region: string;
      environment: string;
      securityGroupIds: string[];
      name: string | null;
    }
  | { kind: 'vpc.update'; team: string; vpcId: string; changes: TFieldChanges }
  | { kind: 'vpc.move'; team: string; from: string; vpcId: string; changes: TFieldChanges }
  | { kind: 'vpc.remove'; team: string; vpcId: string };

export interface TImportPlan {
  changes: TImportChange[];
  /** Things --prune would remove but keeps, with the reason. */
  kept: string[];
  issues: TFieldIssue[];
}

export interface TPlanOptions {
  prune: boolean;
  effectiveAt: Date;
}

const at = (...parts: (string | number)[]) => parts.join('.');

function diff(target: TFieldChanges, field: string, from: unknown, to: unknown): void {
  if (to === undefined) return;
  const same = Array.isArray(from) && Array.isArray(to) ? from.join(',') === to.join(',') : from === to;
  if (!same) target[field] = { from, to };
}

export function planTeamsImport(
  file: Record<string, TTeamEntry>,
  snap: TTeamsSnapshot,
  options: TPlanOptions,
): TImportPlan {
  const changes: TImportChange[] = [];
  const kept: string[] = [];
  const issues: TFieldIssue[] = [];
  const entries = Object.entries(file);
  const effective = options.effectiveAt;

  // ── file-wide ownership: each account, principal and VPC is listed under one team at most ──
  const accountOwner = new Map<string, string>();
  const principalOwner = new Map<string, string>();
  const entityOwner = new Map<string, string>();
  const vpcOwner = new Map<string, string>();
  const claim = (owners: Map<string, string>, key: string, slug: string, path: string, what: string) => {
    const prior = owners.get(key);
    if (prior !== undefined) {
      issues.push({
        path,
        message: prior === slug ? `${what} is listed twice` : `${what} is also listed under team "${prior}"`,
      });
      return false;
    }
    owners.set(key, slug);
    return true;
  };
  for (const [slug, entry] of entries) {
    entry.accounts?.forEach((a, i) =>
      claim(accountOwner, a.accountId, slug, at(slug, 'accounts', i), `account ${a.accountId}`),
    );
    entry.principals?.forEach((arn, i) => {
      if (!claim(principalOwner, arn, slug, at(slug, 'principals', i), arn)) return;
      const parsed = parsePrincipalArn(arn)!;
      const key = entityKeyOf(parsed);
      const twin = entityOwner.get(key);
      if (twin) {
        issues.push({
          path: at(slug, 'principals', i),
          message: `names the same IAM ${parsed.kind.toLowerCase()} as ${twin}`,
        });
        return;
      }
      entityOwner.set(key, arn);
      const recorded = snap.principalEntities.get(key);
      if (recorded && recorded !== arn) {
        issues.push({
          path: at(slug, 'principals', i),
          message: `${recorded} is recorded for the same IAM ${parsed.kind.toLowerCase()} (names are unique per account whatever the path)`,
        });
      }
    });
    entry.vpcs?.forEach((v, i) => claim(vpcOwner, v.vpcId, slug, at(slug, 'vpcs', i), v.vpcId));
  }

  const inFile = new Set(entries.map(([slug]) => slug));
  const manages = (slug: string, section: 'accounts' | 'principals' | 'vpcs' | 'members') =>
    options.prune && file[slug]?.[section] !== undefined;

  // Accounts --prune would delete (before blockers): recorded for a team whose accounts the file lists, and listed nowhere.
  const accountPruneCandidates = new Set(
    [...snap.accounts.values()]
      .filter((a) => manages(a.teamSlug, 'accounts') && !accountOwner.has(a.accountId))
      .map((a) => a.accountId),
  );
  const vpcPruned = (v: { vpcId: string; teamSlug: string; associationArn: string | null }) =>
    manages(v.teamSlug, 'vpcs') && !vpcOwner.has(v.vpcId) && !v.associationArn;
  // Team each account belongs to once the import is applied (undefined: it will not exist).
  const finalAccountTeam = (accountId: string): string | undefined => {
    const owner = accountOwner.get(accountId);
    if (owner) return owner;
    const recorded = snap.accounts.get(accountId);
    if (!recorded) return undefined;
    return accountPruneCandidates.has(accountId) && accountPrunable(accountId)
      ? undefined
      : recorded.teamSlug;
  };
  const accountPrunable = (accountId: string): boolean => {
    const recorded = snap.accounts.get(accountId)!;
    if (recorded.principals > 0) return false;
    if ([...principalOwner.keys()].some((arn) => parsePrincipalArn(arn)!.accountId === accountId))
      return false;
    return ![...snap.vpcs.values()].some(
      (v) => v.accountId === accountId && (vpcOwner.has(v.vpcId) || !vpcPruned(v)),
    );
  };
  const accountsOfTeam = (slug: string) => {
    const ids = new Set(
      (file[slug]?.accounts ?? []).map((a) => a.accountId).filter((id) => accountOwner.get(id) === slug),
    );
    for (const a of snap.accounts.values()) if (finalAccountTeam(a.accountId) === slug) ids.add(a.accountId);
    return [...ids];
  };

  const newUsers = new Set<string>();
  for (const [slug, entry] of entries) {
    const team = snap.teams.get(slug);
    if (!team) {
      changes.push({
        kind: 'team.create',
        team: slug,
        name: entry.name ?? slug,
        costCenter: entry.costCenter ?? DEFAULT_COST_CENTER,
        description: entry.description ?? null,
      });
    } else {
      const c: TFieldChanges = {};
      diff(c, 'name', team.name, entry.name);
      diff(c, 'costCenter', team.costCenter, entry.costCenter);
      diff(c, 'description', team.description, entry.description);
      if (Object.keys(c).length > 0 || team.archived)
        changes.push({ kind: 'team.update', team: slug, changes: c, restore: team.archived });
    }
    planAccounts(slug, entry, entry.accounts ?? []);
    planPrincipals(slug, entry.principals ?? []);
    planVpcs(slug, entry, entry.vpcs ?? []);
    planMembers(slug, entry.members ?? []);
  }

  function planAccounts(slug: string, entry: TTeamEntry, accounts: TFileAccount[]) {
    for (const a of accounts) {
      if (accountOwner.get(a.accountId) !== slug) continue; // duplicate, already reported
      const environment = a.environment ?? entry.environment;
      const recorded = snap.accounts.get(a.accountId);
      if (!recorded) {
        changes.push({
          kind: 'account.add',
          team: slug,
          accountId: a.accountId,
          environment: environment ?? 'default',
          name: a.name ?? null,
        });
        continue;
      }
      const c: TFieldChanges = {};
      diff(c, 'environment', recorded.environment, environment);
      diff(c, 'name', recorded.name, a.name);
      if (recorded.teamSlug !== slug) {
        changes.push({
          kind: 'account.move',
          team: slug,
          from: recorded.teamSlug,
          accountId: a.accountId,
          changes: c,
        });
        // VPCs of a moving account must move with it: a VPC's account belongs to the VPC's team.
        for (const v of snap.vpcs.values()) {
          if (v.accountId !== a.accountId) continue;
          const vpcTeam = vpcOwner.get(v.vpcId) ?? (vpcPruned(v) ? undefined : v.teamSlug);
          if (vpcTeam !== undefined && vpcTeam !== slug) {
            issues.push({
              path: at(slug, 'accounts', accounts.indexOf(a)),
              message: `moves here from "${recorded.teamSlug}" but its ${v.vpcId} stays with "${vpcTeam}"; list the VPC under "${slug}" too`,
            });
          }
        }
      } else if (Object.keys(c).length > 0) {
        changes.push({ kind: 'account.update', team: slug, accountId: a.accountId, changes: c });
      }
    }
  }

  function planPrincipals(slug: string, arns: string[]) {
    arns.forEach((arn, i) => {
      if (principalOwner.get(arn) !== slug) return; // duplicate, already reported
      const parsed = parsePrincipalArn(arn)!;
      if (finalAccountTeam(parsed.accountId) === undefined) {
        issues.push({
          path: at(slug, 'principals', i),
          message: `account ${parsed.accountId} is neither listed in the file nor recorded`,
        });
        return;
      }
      const recorded = snap.principals.get(arn);
      if (!recorded) {
        // First sighting: the team's from the beginning of time, so older logs attribute to it.
        changes.push({
          kind: 'principal.add',
          team: slug,
          principal: parsed,
          existingId: null,
          validFrom: null,
        });
      } else if (!recorded.open) {
        const from =
          recorded.lastClosedAt && recorded.lastClosedAt > effective ? recorded.lastClosedAt : effective;
        changes.push({
          kind: 'principal.add',
          team: slug,
          principal: parsed,
          existingId: recorded.id,
          validFrom: from,
        });
      } else if (recorded.open.teamSlug !== slug) {
        if (recorded.open.validFrom && effective <= recorded.open.validFrom) {
          issues.push({
            path: at(slug, 'principals', i),
            message: `moves from "${recorded.open.teamSlug}" but --effective is not after its current mapping began (${recorded.open.validFrom.toISOString()})`,
          });
          return;
        }
        changes.push({
          kind: 'principal.move',
          team: slug,
          from: recorded.open.teamSlug,
          arn,
          principalId: recorded.id,
          mappingId: recorded.open.id,
          effectiveAt: effective,
        });
      }
    });
  }

  function planVpcs(slug: string, entry: TTeamEntry, vpcs: TFileVpc[]) {
    vpcs.forEach((v, i) => {
      if (vpcOwner.get(v.vpcId) !== slug) return;
      const path = at(slug, 'vpcs', i);
      const recorded = snap.vpcs.get(v.vpcId);
      let accountId = v.accountId ?? recorded?.accountId;
      if (!accountId) {
        const own = accountsOfTeam(slug);
        if (own.length !== 1) {
          issues.push({
            path: at(path, 'accountId'),
            message: `is required: team "${slug}" has ${own.length} accounts`,
          });
          return;
        }
        accountId = own[0]!;
      }
      if (recorded && v.accountId && v.accountId !== recorded.accountId) {
        issues.push({
          path: at(path, 'accountId'),
          message: `cannot change: ${v.vpcId} is recorded in account ${recorded.accountId}`,
        });
        return;
      }
      if (recorded && v.region && v.region !== recorded.region) {
        issues.push({
          path: at(path, 'region'),
          message: `cannot change: ${v.vpcId} is recorded in ${recorded.region}`,
        });
        return;
      }
      const accountTeam = finalAccountTeam(accountId);
      if (accountTeam !== slug) {
        issues.push({
          path: at(path, v.accountId ? 'accountId' : 'vpcId'),
          message: accountTeam
            ? `account ${accountId} belongs to team "${accountTeam}"`
            : `account ${accountId} is neither listed in the file nor recorded`,
        });
        return;
      }
      const environment = v.environment ?? entry.environment;
      if (!recorded) {
        changes.push({
          kind: 'vpc.add',
          team: slug,
          vpcId: v.vpcId,
          accountId,
          region: v.region ?? snap.defaultRegion,
          environment: environment ?? 'default',
          securityGroupIds: v.securityGroupIds ?? [],
          name: v.name ?? null,
        });
        return;
      }
      const c: TFieldChanges = {};
      diff(c, 'environment', recorded.environment, environment);
      diff(c, 'securityGroupIds', recorded.securityGroupIds, v.securityGroupIds);
      diff(c, 'name', recorded.name, v.name);
      if (recorded.teamSlug !== slug)
        changes.push({ kind: 'vpc.move', team: slug, from: recorded.teamSlug, vpcId: v.vpcId, changes: c });
      else if (Object.keys(c).length > 0)
        changes.push({ kind: 'vpc.update', team: slug, vpcId: v.vpcId, changes: c });
    });
  }

  function planMembers(slug: string, members: TFileMember[]) {
    const seen = new Set<string>();
    const current = snap.memberships.get(slug) ?? new Map<string, 'LEAD' | 'MEMBER'>();
    members.forEach((m, i) => {
      if (seen.has(m.email)) {
        issues.push({ path: at(slug, 'members', i, 'email'), message: `${m.email} is listed twice` });
        return;
      }
      seen.add(m.email);
      if (!snap.users.has(m.email) && !newUsers.has(m.email)) {
        if (!m.name) {
          issues.push({
            path: at(slug, 'members', i, 'name'),
            message: `is required: ${m.email} has no portal user yet`,
          });
          return;
        }
        newUsers.add(m.email);
        changes.push({ kind: 'user.create', team: slug, email: m.email, name: m.name });
      }
      const role = m.role === 'lead' ? 'LEAD' : 'MEMBER';
      const had = current.get(m.email);
      if (!had) changes.push({ kind: 'member.add', team: slug, email: m.email, role });
      else if (had !== role)
        changes.push({ kind: 'member.role', team: slug, email: m.email, from: had, to: role });
    });
  }

  if (options.prune) {
    for (const [slug] of entries) {
      if (!snap.teams.has(slug)) continue;
      if (manages(slug, 'members')) {
        const listed = new Set(file[slug]!.members!.map((m) => m.email));
        for (const email of snap.memberships.get(slug)?.keys() ?? []) {
          if (!listed.has(email)) changes.push({ kind: 'member.remove', team: slug, email });
        }
      }
      if (manages(slug, 'principals')) {
        for (const p of snap.principals.values()) {
          if (p.open?.teamSlug !== slug || principalOwner.has(p.arn)) continue;
          const grants = p.activeGrants.get(slug) ?? 0;
          if (grants > 0)
            kept.push(`principal ${p.arn} of "${slug}": ${grants} active grant(s); revoke them first`);
          else if (p.open.validFrom && effective <= p.open.validFrom)
            kept.push(`principal ${p.arn} of "${slug}": its mapping began after --effective`);
          else
            changes.push({
              kind: 'principal.remove',
              team: slug,
              arn: p.arn,
              mappingId: p.open.id,
              effectiveAt: effective,
            });
        }
      }
      if (manages(slug, 'vpcs')) {
        for (const v of snap.vpcs.values()) {
          if (v.teamSlug !== slug || vpcOwner.has(v.vpcId)) continue;
          if (v.associationArn)
            kept.push(
              `VPC ${v.vpcId} of "${slug}": associated with the service network; remove the association first`,
            );
          else changes.push({ kind: 'vpc.remove', team: slug, vpcId: v.vpcId });
        }
      }
    }
    for (const accountId of accountPruneCandidates) {
      const recorded = snap.accounts.get(accountId)!;
      if (accountPrunable(accountId))
        changes.push({ kind: 'account.remove', team: recorded.teamSlug, accountId });
      else kept.push(`account ${accountId} of "${recorded.teamSlug}": principals or VPCs are recorded in it`);
    }
    for (const team of snap.teams.values()) {
      if (inFile.has(team.slug) || team.archived) continue;
      if (team.pendingRequests > 0 || team.activeGrants > 0) {
        kept.push(
          `team "${team.slug}": ${team.pendingRequests} pending request(s), ${team.activeGrants} active grant(s)`,
        );
      } else {
        changes.push({ kind: 'team.archive', team: team.slug });
      }
    }
  }

  return { changes, kept, issues };
}
