import { describe, expect, it } from 'vitest';
import { assertCan, can, readableTeamIds, type TActor } from './permissions';

const base = { userId: 'u', email: 'u@example.com', name: 'U' };
const lead: TActor = {
  ...base,
  globalRoles: [],
  teams: [{ teamId: 't1', slug: 'a', name: 'A', role: 'LEAD' }],
};
const member: TActor = {
  ...base,
  globalRoles: [],
  teams: [{ teamId: 't1', slug: 'a', name: 'A', role: 'MEMBER' }],
};
const approver: TActor = { ...base, globalRoles: ['APPROVER'], teams: [] };
const finance: TActor = { ...base, globalRoles: ['FINANCE'], teams: [] };
const admin: TActor = { ...base, globalRoles: ['ADMIN'], teams: [] };

describe('permissions', () => {
  it('scopes team roles to their own team', () => {
    expect(can(lead, 'team:read', { teamId: 't1' })).toBe(true);
    expect(can(lead, 'team:read', { teamId: 't2' })).toBe(false);
    expect(can(lead, 'team:request-access', { teamId: 't1' })).toBe(true);
    expect(can(lead, 'team:request-access', { teamId: 't2' })).toBe(false);
    expect(can(member, 'team:request-access', { teamId: 't1' })).toBe(false);
    expect(readableTeamIds(lead)).toEqual(['t1']);
  });

  it('gives global roles only their own powers', () => {
    expect(can(approver, 'requests:decide')).toBe(true);
    expect(can(approver, 'admin:manage')).toBe(false);
    expect(can(finance, 'chargeback:read')).toBe(true);
    expect(can(finance, 'estate:read')).toBe(false);
    expect(can(finance, 'requests:decide')).toBe(false);
    // Finance reads every team page (chargeback needs the team's context) but never acts on a team.
    expect(can(finance, 'team:read', { teamId: 't1' })).toBe(true);
    expect(can(finance, 'teams:read-all')).toBe(true);
    expect(can(finance, 'team:request-access', { teamId: 't1' })).toBe(false);
    expect(can(finance, 'admin:manage')).toBe(false);
    expect(can(admin, 'admin:manage')).toBe(true);
    expect(can(admin, 'requests:decide')).toBe(false);
    expect(readableTeamIds(approver)).toBe('all');
  });

  it('never lets a global role request access on behalf of a team', () => {
    expect(can(admin, 'team:request-access', { teamId: 't1' })).toBe(false);
    expect(can(approver, 'team:request-access', { teamId: 't1' })).toBe(false);
  });

  it('throws a FORBIDDEN AppError naming the permission', () => {
    expect(() => assertCan(member, 'admin:manage')).toThrowError(/administer the portal/);
    try {
      assertCan(member, 'admin:manage');
    } catch (e) {
      expect((e as { status: number }).status).toBe(403);
    }
  });
});
