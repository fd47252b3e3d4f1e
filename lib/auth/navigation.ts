import { can, type TActor } from './permissions';

export interface TNavItem {
  href: string;
  label: string;
}

/** Navigation is data: what each role sees. Hiding a link is convenience only; every page checks again. */
export function navigationFor(actor: TActor): TNavItem[] {
  const items: TNavItem[] = [];
  if (actor.teams.length > 0 || can(actor, 'teams:read-all')) items.push({ href: '/teams', label: 'Teams' });
  if (actor.teams.length > 0 || can(actor, 'teams:read-all')) items.push({ href: '/usage', label: 'Usage' });
  if (can(actor, 'requests:decide')) items.push({ href: '/approvals', label: 'Approval queue' });
  if (can(actor, 'estate:read')) {
    items.push({ href: '/estate', label: 'Estate' });
    items.push({ href: '/what-if', label: 'What-if' });
  }
  // Leads see their own teams' chargeback.
  if (
    can(actor, 'chargeback:read') ||
    actor.teams.some((t) => can(actor, 'chargeback:read', { teamId: t.teamId }))
  )
    items.push({ href: '/chargeback', label: 'Chargeback' });
  if (can(actor, 'admin:manage')) items.push({ href: '/admin', label: 'Admin' });
  if (can(actor, 'audit:read')) items.push({ href: '/audit', label: 'Audit log' });
  return items;
}

/** Where a user lands after sign-in. */
export function landingPathFor(actor: TActor): string {
  if (can(actor, 'requests:decide')) return '/approvals';
  if (can(actor, 'admin:manage')) return '/admin';
  if (can(actor, 'chargeback:read') && actor.teams.length === 0) return '/chargeback';
  const first = actor.teams[0];
  if (actor.teams.length === 1 && first) return `/teams/${first.slug}`;
  return '/teams';
}
