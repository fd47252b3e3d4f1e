import { describe, expect, it } from 'vitest';
import { getActorForSession } from '@/lib/auth/get-actor';
import { systemActor, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createUser } from '@/lib/users/create-user';
import { disableUser } from '@/lib/users/disable-user';
import { enableUser } from '@/lib/users/enable-user';
import { listUsersForAdmin } from '@/lib/users/list-users-for-admin';
import { revokeUserSessions } from '@/lib/users/revoke-user-sessions';
import { updateUserGlobalRoles } from '@/lib/users/update-user-global-roles';
import { testDatabaseKinds } from '../db/test-databases';
import { adminActor, leadActor, useFreshDatabase } from '../teams/team-test-db';

const HOUR = 60 * 60 * 1000;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function openSession(
  db: PrismaClient,
  userId: string,
  provider: 'dev' | 'oidc' = 'dev',
  expiresInMs = 8 * HOUR,
) {
  return db.session.create({
    data: { userId, provider, expiresAt: new Date(Date.now() + expiresInMs) },
    select: { id: true },
  });
}

describe.each(testDatabaseKinds)('people administration on $name', (kind) => {
  const db = useFreshDatabase(kind);

  async function mo() {
    return db().user.create({
      data: { email: 'mo.member@example.com', name: 'Mo Haddad' },
      select: { id: true },
    });
  }

  it('lists people with roles, teams, sign-in state and live sessions only, serialized', async () => {
    const admin = await adminActor(db());
    const team = await db().team.create({
      data: { slug: 'payments', name: 'Payments', costCenter: 'CC-1' },
      select: { id: true },
    });
    const m = await mo();
    await db().teamMembership.create({ data: { teamId: team.id, userId: m.id, role: 'LEAD' } });
    await db().user.update({ where: { id: m.id }, data: { lastSignInAt: new Date('2026-01-02T03:04:05Z') } });
    await openSession(db(), m.id);
    await openSession(db(), m.id, 'dev', -HOUR); // expired
    const revoked = await openSession(db(), m.id);
    await db().session.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await db().user.create({
      data: { email: 'ida.idp@example.com', name: 'Ida IdP', oidcSubject: 'sub-1', globalRoles: ['FINANCE'] },
    });

    const people = await listUsersForAdmin(admin, db());
    expect(people.map((p) => p.email)).toEqual([
      'ari.admin@example.com',
      'ida.idp@example.com',
      'mo.member@example.com',
    ]);
    expect(people[2]).toEqual({
      id: m.id,
      email: 'mo.member@example.com',
      name: 'Mo Haddad',
      globalRoles: [],
      teams: [{ slug: 'payments', name: 'Payments', role: 'LEAD' }],
      disabled: false,
      lastSignInAt: '2026-01-02T03:04:05.000Z',
      activeSessions: 1,
      managedByIdp: false,
      self: false,
    });
    expect(people[0]).toMatchObject({
      self: true,
      globalRoles: ['ADMIN'],
      lastSignInAt: null,
      activeSessions: 0,
    });
    expect(people[1]).toMatchObject({ managedByIdp: true, globalRoles: ['FINANCE'] });
    expect(Object.keys(people[1]!)).not.toContain('oidcSubject');
  });

  it('marks a user with an OIDC session as managed by the IdP', async () => {
    const admin = await adminActor(db());
    const m = await mo();
    await openSession(db(), m.id, 'oidc');
    const people = await listUsersForAdmin(admin, db());
    expect(people.find((p) => p.id === m.id)).toMatchObject({ managedByIdp: true });
  });

  it('updates global roles, audits the change once, and ignores a no-op', async () => {
    const admin = await adminActor(db());
    const m = await mo();
    const updated = await updateUserGlobalRoles(
      admin,
      { userId: m.id, roles: ['FINANCE', 'APPROVER', 'FINANCE'] },
      db(),
    );
    expect(updated.globalRoles).toEqual(['APPROVER', 'FINANCE']);
    await updateUserGlobalRoles(admin, { userId: m.id, roles: ['FINANCE', 'APPROVER'] }, db());
    const stored = await db().user.findUniqueOrThrow({ where: { id: m.id }, select: { globalRoles: true } });
    expect([...stored.globalRoles].sort()).toEqual(['APPROVER', 'FINANCE']);
    const events = await db().auditEvent.findMany({
      select: { action: true, actorId: true, targetId: true, details: true },
    });
    expect(events).toEqual([
      {
        action: 'user.roles',
        actorId: admin.userId,
        targetId: 'mo.member@example.com',
        details: { email: 'mo.member@example.com', from: [], to: ['APPROVER', 'FINANCE'] },
      },
    ]);

    const bad = await rejection(
      updateUserGlobalRoles(admin, { userId: m.id, roles: ['ROOT' as 'ADMIN'] }, db()),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues[0]?.path).toBe('roles.0');
    expect((await rejection(updateUserGlobalRoles(admin, { userId: 'nobody', roles: [] }, db()))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('disabling revokes every live session in the same change, and the session no longer yields an actor', async () => {
    const admin = await adminActor(db());
    const m = await mo();
    const s1 = await openSession(db(), m.id);
    const s2 = await openSession(db(), m.id, 'oidc');
    expect(await getActorForSession(s1.id, m.id, db())).toMatchObject({ email: 'mo.member@example.com' });

    const view = await disableUser(admin, { userId: m.id }, db());
    expect(view).toMatchObject({ disabled: true, activeSessions: 0 });
    expect(await getActorForSession(s1.id, m.id, db())).toBeNull();
    expect(await getActorForSession(s2.id, m.id, db())).toBeNull();
    const sessions = await db().session.findMany({ where: { userId: m.id }, select: { revokedAt: true } });
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);

    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'user.disable' },
      select: { targetId: true, details: true },
    });
    expect(event).toEqual({
      targetId: 'mo.member@example.com',
      details: { email: 'mo.member@example.com', sessionsRevoked: 2 },
    });

    // Disabling again changes nothing and records nothing.
    await disableUser(admin, { userId: m.id }, db());
    expect(await db().auditEvent.count({ where: { action: 'user.disable' } })).toBe(1);
  });

  it('enabling lets a disabled user in again with a new session; old sessions stay revoked', async () => {
    const admin = await adminActor(db());
    const m = await mo();
    const old = await openSession(db(), m.id);
    await disableUser(admin, { userId: m.id }, db());
    const fresh = await openSession(db(), m.id);
    expect(await getActorForSession(fresh.id, m.id, db())).toBeNull();

    const view = await enableUser(admin, { userId: m.id }, db());
    expect(view.disabled).toBe(false);
    expect(await getActorForSession(fresh.id, m.id, db())).toMatchObject({ userId: m.id });
    expect(await getActorForSession(old.id, m.id, db())).toBeNull();
    expect(
      await db().auditEvent.count({ where: { action: 'user.enable', targetId: 'mo.member@example.com' } }),
    ).toBe(1);
    await enableUser(admin, { userId: m.id }, db());
    expect(await db().auditEvent.count({ where: { action: 'user.enable' } })).toBe(1);
  });

  it('revokes all sessions (signs out everywhere) and audits how many', async () => {
    const admin = await adminActor(db());
    const m = await mo();
    const a = await openSession(db(), m.id);
    const b = await openSession(db(), m.id);
    const result = await revokeUserSessions(admin, { userId: m.id }, db());
    expect(result.revoked).toBe(2);
    expect(result.user).toMatchObject({ disabled: false, activeSessions: 0 });
    expect(await getActorForSession(a.id, m.id, db())).toBeNull();
    expect(await getActorForSession(b.id, m.id, db())).toBeNull();
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'user.sessions.revoke' },
      select: { details: true },
    });
    expect(event.details).toEqual({ email: 'mo.member@example.com', sessionsRevoked: 2 });
    // The user is not disabled: a new sign-in works.
    const c = await openSession(db(), m.id);
    expect(await getActorForSession(c.id, m.id, db())).not.toBeNull();
  });

  it('creates a user for dev sign-in, refuses a duplicate e-mail with a field issue, and audits', async () => {
    const admin = await adminActor(db());
    const created = await createUser(
      admin,
      { email: ' Nia.New@Example.com ', name: 'Nia New', globalRoles: ['APPROVER'] },
      db(),
    );
    expect(created).toMatchObject({
      email: 'nia.new@example.com',
      name: 'Nia New',
      globalRoles: ['APPROVER'],
      disabled: false,
      teams: [],
    });
    const dup = await rejection(createUser(admin, { email: 'nia.new@example.com', name: 'Other' }, db()));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.issues).toEqual([{ path: 'email', message: 'is already a portal user' }]);
    const bad = await rejection(createUser(admin, { email: 'not-an-email', name: '' }, db()));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['email', 'name']);
    expect(
      await db().auditEvent.count({ where: { action: 'user.create', targetId: 'nia.new@example.com' } }),
    ).toBe(1);
  });

  describe('lock-out protection', () => {
    it('an admin cannot disable themselves or remove their own ADMIN role, even with another admin around', async () => {
      const admin = await adminActor(db());
      await db().user.create({
        data: { email: 'second.admin@example.com', name: 'Second', globalRoles: ['ADMIN'] },
      });
      const self = await rejection(disableUser(admin, { userId: admin.userId }, db()));
      expect(self.code).toBe('CONFLICT');
      expect(self.message).toMatch(/cannot disable your own account/);
      const demote = await rejection(
        updateUserGlobalRoles(admin, { userId: admin.userId, roles: ['APPROVER'] }, db()),
      );
      expect(demote.code).toBe('CONFLICT');
      expect(demote.message).toMatch(/cannot remove your own ADMIN role/);
      // Adding roles to oneself while keeping ADMIN is fine.
      const more = await updateUserGlobalRoles(
        admin,
        { userId: admin.userId, roles: ['ADMIN', 'FINANCE'] },
        db(),
      );
      expect(more.globalRoles).toEqual(['ADMIN', 'FINANCE']);
      expect(await db().auditEvent.count({ where: { action: { in: ['user.disable'] } } })).toBe(0);
    });

    it('the last enabled admin cannot lose ADMIN or be disabled; with a second admin, they can', async () => {
      const admin = await adminActor(db());
      const other = await db().user.create({
        data: { email: 'other.admin@example.com', name: 'Other', globalRoles: ['ADMIN'], disabled: true },
        select: { id: true },
      });
      // The CLI is not a user, so only the last-admin rule stops it.
      const cli = systemActor('cli');
      const lastDisable = await rejection(disableUser(cli, { userId: admin.userId }, db()));
      expect(lastDisable.code).toBe('CONFLICT');
      expect(lastDisable.message).toBe(
        'ari.admin@example.com is the last enabled admin and cannot be disabled; make someone else an admin first',
      );
      const lastDemote = await rejection(
        updateUserGlobalRoles(cli, { userId: admin.userId, roles: [] }, db()),
      );
      expect(lastDemote.code).toBe('CONFLICT');
      expect(lastDemote.message).toMatch(/last enabled admin and cannot lose the ADMIN role/);

      await enableUser(cli, { userId: other.id }, db());
      await updateUserGlobalRoles(cli, { userId: admin.userId, roles: ['APPROVER'] }, db());
      const otherActor: TActor = {
        userId: other.id,
        email: 'other.admin@example.com',
        name: 'Other',
        globalRoles: ['ADMIN'],
        teams: [],
      };
      expect(await disableUser(otherActor, { userId: admin.userId }, db())).toMatchObject({ disabled: true });
      // Now Other is the only admin left.
      expect((await rejection(disableUser(cli, { userId: other.id }, db()))).code).toBe('CONFLICT');
      const audit = await db().auditEvent.findMany({
        orderBy: { action: 'asc' },
        select: { action: true, actorLabel: true },
      });
      expect(audit).toEqual([
        { action: 'user.disable', actorLabel: 'other.admin@example.com' },
        { action: 'user.enable', actorLabel: 'cli' },
        { action: 'user.roles', actorLabel: 'cli' },
      ]);
    });

    it('two admins demoting each other at the same time: one wins, the other is refused, an admin remains', async () => {
      const a = await adminActor(db());
      const bRow = await db().user.create({
        data: { email: 'bea.admin@example.com', name: 'Bea', globalRoles: ['ADMIN'] },
        select: { id: true },
      });
      const b: TActor = {
        userId: bRow.id,
        email: 'bea.admin@example.com',
        name: 'Bea',
        globalRoles: ['ADMIN'],
        teams: [],
      };
      const results = await Promise.allSettled([
        updateUserGlobalRoles(a, { userId: b.userId, roles: [] }, db()),
        updateUserGlobalRoles(b, { userId: a.userId, roles: [] }, db()),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as AppError).code).toBe('CONFLICT');
      // Filtered here, not with `globalRoles: { has }`: the PGlite adapter sends that enum-array filter malformed.
      const users = await db().user.findMany({ where: { disabled: false }, select: { globalRoles: true } });
      expect(users.filter((u) => u.globalRoles.includes('ADMIN'))).toHaveLength(1);
    });

    it('a disabled admin does not count, and a non-admin is never protected', async () => {
      const admin = await adminActor(db());
      const m = await mo();
      await db().user.create({
        data: { email: 'gone.admin@example.com', name: 'Gone', globalRoles: ['ADMIN'], disabled: true },
      });
      expect((await rejection(disableUser(systemActor('cli'), { userId: admin.userId }, db()))).code).toBe(
        'CONFLICT',
      );
      expect(await disableUser(admin, { userId: m.id }, db())).toMatchObject({ disabled: true });
    });
  });

  it('refuses every operation to an actor without admin:manage (FORBIDDEN), writing nothing', async () => {
    await adminActor(db());
    const m = await mo();
    const s = await openSession(db(), m.id);
    const lead = leadActor();
    const attempts = [
      listUsersForAdmin(lead, db()),
      createUser(lead, { email: 'x@example.com', name: 'X' }, db()),
      updateUserGlobalRoles(lead, { userId: m.id, roles: ['ADMIN'] }, db()),
      disableUser(lead, { userId: m.id }, db()),
      enableUser(lead, { userId: m.id }, db()),
      revokeUserSessions(lead, { userId: m.id }, db()),
    ];
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('FORBIDDEN');
    expect(await db().auditEvent.count()).toBe(0);
    expect(
      await db().user.findUniqueOrThrow({
        where: { id: m.id },
        select: { globalRoles: true, disabled: true },
      }),
    ).toEqual({
      globalRoles: [],
      disabled: false,
    });
    expect(await getActorForSession(s.id, m.id, db())).not.toBeNull();
  });
});
