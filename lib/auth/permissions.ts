/**
 * Who may do what. Pure functions over the acting user, so every domain operation re-checks scope itself
 * (a forgotten route wrapper cannot leak data). Team-scoped roles (lead, member) apply only to their teams.
 */
import { AppError } from '@/lib/errors/app-error';

export type TGlobalRole = 'APPROVER' | 'FINANCE' | 'ADMIN';
export type TTeamRole = 'LEAD' | 'MEMBER';

export interface TActor {
  userId: string;
  email: string;
  name: string;
  globalRoles: TGlobalRole[];
  teams: { teamId: string; slug: string; name: string; role: TTeamRole }[];
  /** The sign-in session this actor came from (absent for the CLI / system). */
  sessionId?: string;
  /** Set when the request authenticated with a bearer API token (its prefix, for the audit log). */
  apiTokenPrefix?: string;
  /** Set for the CLI and background jobs: no user row backs this actor. */
  system?: 'cli' | 'system';
}

export const PERMISSIONS = {
  /** See a team's accounts, principals, VPCs and grants. */
  'team:read': 'Read a team',
  /** Ask for model access for a team. */
  'team:request-access': 'Request model access for a team',
  /** See every team (not only one's own). */
  'teams:read-all': 'Read all teams',
  /** Decide on access requests. */
  'requests:decide': 'Approve or reject access requests',
  /** Read the live AWS estate and policies; run what-if simulations. */
  'estate:read': 'Read the AWS estate',
  /** Manage teams, members, accounts, principals, VPCs, the catalog and estate settings. */
  'admin:manage': 'Administer the portal',
  /** Chargeback reports and the price book. */
  'chargeback:read': 'Read chargeback reports',
  /** The audit log. */
  'audit:read': 'Read the audit log',
} as const;

export type TPermission = keyof typeof PERMISSIONS;

const GLOBAL_GRANTS: Record<TGlobalRole, TPermission[]> = {
  APPROVER: ['team:read', 'teams:read-all', 'requests:decide', 'estate:read', 'audit:read'],
  // Finance reads team pages (read-only: no request, no admin) because chargeback needs the team's context.
  FINANCE: ['team:read', 'teams:read-all', 'chargeback:read'],
  ADMIN: ['team:read', 'teams:read-all', 'estate:read', 'admin:manage', 'chargeback:read', 'audit:read'],
};

const TEAM_GRANTS: Record<TTeamRole, TPermission[]> = {
  // A lead reads their own teams' chargeback and budgets (lib/chargeback/chargeback-scope.ts).
  LEAD: ['team:read', 'team:request-access', 'chargeback:read'],
  MEMBER: ['team:read'],
};

/** Does the actor hold the permission, globally or (when teamId is given) within that team? */
export function can(actor: TActor, permission: TPermission, scope?: { teamId: string }): boolean {
  if (actor.globalRoles.some((r) => GLOBAL_GRANTS[r].includes(permission))) {
    // Team requests are made by the team's own leads, never on behalf of a team by a global role.
    if (permission !== 'team:request-access') return true;
  }
  if (!scope) return false;
  const membership = actor.teams.find((t) => t.teamId === scope.teamId);
  return membership ? TEAM_GRANTS[membership.role].includes(permission) : false;
}

export function assertCan(actor: TActor, permission: TPermission, scope?: { teamId: string }): void {
  if (!can(actor, permission, scope)) {
    throw new AppError(
      'FORBIDDEN',
      `You do not have permission to ${PERMISSIONS[permission].toLowerCase()}`,
      {
        details: { permission, ...(scope ? { teamId: scope.teamId } : {}) },
      },
    );
  }
}

/** Teams whose data the actor may read: all for global readers, otherwise their memberships. */
export function readableTeamIds(actor: TActor): 'all' | string[] {
  if (actor.globalRoles.some((r) => GLOBAL_GRANTS[r].includes('teams:read-all'))) return 'all';
  return actor.teams.map((t) => t.teamId);
}

export function hasGlobalRole(actor: TActor, role: TGlobalRole): boolean {
  return actor.globalRoles.includes(role);
}

/** The CLI and background jobs act as this system actor; it holds admin rights and is audited as 'cli'/'system'. */
export function systemActor(label: 'cli' | 'system'): TActor {
  return {
    userId: `__${label}__`,
    email: label,
    name: label,
    globalRoles: ['ADMIN', 'APPROVER'],
    teams: [],
    system: label,
  };
}
