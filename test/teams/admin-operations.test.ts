import { describe, expect, it } from 'vitest';
import { createModel } from '@/lib/catalog/create-model';
import { listCatalogModels } from '@/lib/catalog/list-catalog-models';
import { AppError } from '@/lib/errors/app-error';
import { addTeamAccount } from '@/lib/teams/add-team-account';
import { addTeamMember } from '@/lib/teams/add-team-member';
import { addTeamPrincipal } from '@/lib/teams/add-team-principal';
import { addTeamVpc } from '@/lib/teams/add-team-vpc';
import { archiveTeam } from '@/lib/teams/archive-team';
import { createTeam } from '@/lib/teams/create-team';
import { movePrincipal } from '@/lib/teams/move-principal';
import { removePrincipalMapping } from '@/lib/teams/remove-principal-mapping';
import { removeTeamAccount } from '@/lib/teams/remove-team-account';
import { removeTeamMember } from '@/lib/teams/remove-team-member';
import { removeTeamVpc } from '@/lib/teams/remove-team-vpc';
import { updateTeam } from '@/lib/teams/update-team';
import { updateTeamMemberRole } from '@/lib/teams/update-team-member-role';
import { updateTeamVpc } from '@/lib/teams/update-team-vpc';
import { testDatabaseKinds } from '../db/test-databases';
import { adminActor, leadActor, useFreshDatabase } from './team-test-db';

const ARN = 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDatabaseKinds)('admin operations on $name', (kind) => {
  const db = useFreshDatabase(kind);

  async function paymentsWithAccount() {
    const admin = await adminActor(db());
    await createTeam(admin, { slug: 'payments', name: 'Payments', costCenter: 'CC-1001' }, db());
    await addTeamAccount(admin, 'payments', { accountId: '200000000331', environment: 'prod' }, db());
    return admin;
  }

  it('creates a team, refuses a duplicate slug and bad input with field issues, and audits the change', async () => {
    const admin = await adminActor(db());
    const team = await createTeam(admin, { slug: 'payments', name: 'Payments', costCenter: 'CC-1001' }, db());
    expect(team).toEqual({ slug: 'payments', name: 'Payments', costCenter: 'CC-1001', archived: false });

    const dup = await rejection(
      createTeam(admin, { slug: 'payments', name: 'Other', costCenter: 'CC-1' }, db()),
    );
    expect(dup.code).toBe('CONFLICT');
    expect(dup.issues).toEqual([{ path: 'slug', message: 'is already taken' }]);

    const bad = await rejection(createTeam(admin, { slug: 'Bad Slug!', name: '', costCenter: 'CC' }, db()));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['name', 'slug']);

    const events = await db().auditEvent.findMany({
      select: { action: true, actorId: true, actorLabel: true, targetId: true, teamId: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'team.create',
      actorId: admin.userId,
      actorLabel: admin.email,
      targetId: 'payments',
    });
    expect(events[0]!.teamId).not.toBeNull();
  });

  it('refuses every operation to an actor without admin:manage (FORBIDDEN), writing nothing', async () => {
    const admin = await paymentsWithAccount();
    const team = await db().team.findUniqueOrThrow({ where: { slug: 'payments' }, select: { id: true } });
    const lead = leadActor(team.id);
    const attempts = [
      createTeam(lead, { slug: 'x-team', name: 'X', costCenter: 'CC' }, db()),
      updateTeam(lead, 'payments', { name: 'Mine now' }, db()),
      archiveTeam(lead, 'payments', db()),
      addTeamMember(lead, 'payments', { email: 'new@example.com', name: 'New', role: 'LEAD' }, db()),
      addTeamAccount(lead, 'payments', { accountId: '123456789012' }, db()),
      addTeamPrincipal(lead, 'payments', { arn: ARN }, db()),
      addTeamVpc(
        lead,
        'payments',
        { vpcId: 'vpc-0123abcd', accountId: '200000000331', region: 'us-east-1' },
        db(),
      ),
      createModel(lead, { modelId: 'a.b', name: 'A', provider: 'A' }, db()),
      listCatalogModels(lead, db()),
    ];
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('FORBIDDEN');
    const after = await db().team.findUniqueOrThrow({
      where: { slug: 'payments' },
      select: { name: true, _count: { select: { memberships: true } } },
    });
    expect(after).toEqual({ name: 'Payments', _count: { memberships: 0 } });
    expect(await db().auditEvent.count({ where: { actorId: null } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(2);
    void admin;
  });

  it('adds members by e-mail, creating the user only when a name is given, changes roles and removes', async () => {
    const admin = await paymentsWithAccount();
    const noName = await rejection(
      addTeamMember(admin, 'payments', { email: 'new.person@example.com', role: 'MEMBER' }, db()),
    );
    expect(noName.code).toBe('VALIDATION');
    expect(noName.issues[0]?.path).toBe('name');

    const added = await addTeamMember(
      admin,
      'payments',
      { email: 'New.Person@Example.com', name: 'New Person', role: 'LEAD' },
      db(),
    );
    expect(added).toEqual({
      email: 'new.person@example.com',
      name: 'New Person',
      role: 'LEAD',
      userCreated: true,
    });
    expect(
      (
        await rejection(
          addTeamMember(admin, 'payments', { email: 'new.person@example.com', role: 'MEMBER' }, db()),
        )
      ).code,
    ).toBe('CONFLICT');

    await updateTeamMemberRole(admin, 'payments', { email: 'new.person@example.com', role: 'MEMBER' }, db());
    const m = await db().teamMembership.findFirstOrThrow({ select: { role: true } });
    expect(m.role).toBe('MEMBER');
    await removeTeamMember(admin, 'payments', { email: 'new.person@example.com' }, db());
    expect(await db().teamMembership.count()).toBe(0);
    expect(await db().user.count({ where: { email: 'new.person@example.com' } })).toBe(1);
    expect(
      (await db().auditEvent.findMany({ orderBy: { at: 'asc' }, select: { action: true } })).map(
        (e) => e.action,
      ),
    ).toEqual([
      'team.create',
      'team.account.add',
      'user.create',
      'team.member.add',
      'team.member.role',
      'team.member.remove',
    ]);
  });

  it('keeps an account with one team and refuses to remove one that still has principals', async () => {
    const admin = await paymentsWithAccount();
    await createTeam(admin, { slug: 'search', name: 'Search', costCenter: 'CC-1002' }, db());
    const taken = await rejection(addTeamAccount(admin, 'search', { accountId: '200000000331' }, db()));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toContain('payments');
    expect((await rejection(addTeamAccount(admin, 'search', { accountId: '12345' }, db()))).code).toBe(
      'VALIDATION',
    );

    await addTeamPrincipal(admin, 'payments', { arn: ARN }, db());
    expect(
      (await rejection(removeTeamAccount(admin, 'payments', { accountId: '200000000331' }, db()))).code,
    ).toBe('CONFLICT');
    await addTeamAccount(admin, 'search', { accountId: '200111111951' }, db());
    await removeTeamAccount(admin, 'search', { accountId: '200111111951' }, db());
    expect(await db().awsAccount.count()).toBe(1);
  });

  it('adds a principal with account, name and IAM path derived from the ARN; the account must be the team’s', async () => {
    const admin = await paymentsWithAccount();
    const p = await addTeamPrincipal(admin, 'payments', { arn: ARN }, db());
    expect(p).toEqual({
      arn: ARN,
      accountId: '200000000331',
      name: 'payments-prod-invoker',
      path: '/genai/',
      kind: 'ROLE',
      since: null,
    });
    const mapping = await db().principalMapping.findFirstOrThrow({
      select: { validFrom: true, validTo: true, createdById: true },
    });
    expect(mapping).toEqual({ validFrom: null, validTo: null, createdById: admin.userId });

    expect((await rejection(addTeamPrincipal(admin, 'payments', { arn: ARN }, db()))).code).toBe('CONFLICT');
    const otherAccount = await rejection(
      addTeamPrincipal(admin, 'payments', { arn: 'arn:aws:iam::999988887777:role/x' }, db()),
    );
    expect(otherAccount.code).toBe('VALIDATION');
    expect(otherAccount.issues[0]?.path).toBe('arn');
    const samePathless = await rejection(
      addTeamPrincipal(
        admin,
        'payments',
        { arn: 'arn:aws:iam::200000000331:role/payments-prod-invoker' },
        db(),
      ),
    );
    expect(samePathless.code).toBe('CONFLICT');
    for (const arn of [
      'arn:aws:sts::200000000331:assumed-role/r/s',
      'arn:aws:iam::200000000331:role/*',
      'not-an-arn',
    ]) {
      expect((await rejection(addTeamPrincipal(admin, 'payments', { arn }, db()))).code).toBe('VALIDATION');
    }
  });

  it('refuses a principal of another partition than the estate’s where it is registered, naming the partition', async () => {
    const admin = await paymentsWithAccount();
    for (const [arn, partition] of [
      ['arn:aws-cn:iam::200000000331:role/payments-prod-invoker', 'aws-cn'],
      ['arn:aws-us-gov:iam::200000000331:role/payments-prod-invoker', 'aws-us-gov'],
    ] as const) {
      const error = await rejection(addTeamPrincipal(admin, 'payments', { arn }, db()));
      expect(error.code).toBe('VALIDATION');
      expect(error.issues).toEqual([
        {
          path: 'arn',
          message: expect.stringContaining(
            `is in partition ${partition}, but the estate is in partition aws`,
          ),
        },
      ]);
    }
    expect(await db().principal.count()).toBe(0);
  });

  it('moves a principal at an effective time: old mapping closed there, new one opened there, audited under both teams', async () => {
    const admin = await paymentsWithAccount();
    await createTeam(admin, { slug: 'risk', name: 'Risk', costCenter: 'CC-3001' }, db());
    await addTeamPrincipal(admin, 'payments', { arn: ARN }, db());
    const effectiveAt = '2026-03-01T00:00:00.000Z';

    const moved = await movePrincipal(admin, { arn: ARN, toTeam: 'risk', effectiveAt }, db());
    expect(moved).toMatchObject({
      fromTeam: 'payments',
      toTeam: 'risk',
      effectiveAt,
      activeGrantsOfOldTeam: 0,
    });
    const mappings = await db().principalMapping.findMany({
      orderBy: { createdAt: 'asc' },
      select: { validFrom: true, validTo: true, team: { select: { slug: true } } },
    });
    expect(mappings).toEqual([
      { validFrom: null, validTo: new Date(effectiveAt), team: { slug: 'payments' } },
      { validFrom: new Date(effectiveAt), validTo: null, team: { slug: 'risk' } },
    ]);
    const moveEvents = await db().auditEvent.findMany({
      where: { action: 'team.principal.move' },
      select: { team: { select: { slug: true } } },
    });
    expect(moveEvents.map((e) => e.team?.slug).sort()).toEqual(['payments', 'risk']);

    // Not before the current mapping began, not in the future, not to the same team.
    expect(
      (
        await rejection(
          movePrincipal(admin, { arn: ARN, toTeam: 'payments', effectiveAt: '2026-02-01T00:00:00Z' }, db()),
        )
      ).code,
    ).toBe('VALIDATION');
    expect(
      (
        await rejection(
          movePrincipal(admin, { arn: ARN, toTeam: 'payments', effectiveAt: '2999-01-01T00:00:00Z' }, db()),
        )
      ).code,
    ).toBe('VALIDATION');
    expect((await rejection(movePrincipal(admin, { arn: ARN, toTeam: 'risk' }, db()))).code).toBe('CONFLICT');
    expect((await rejection(movePrincipal(admin, { arn: ARN, toTeam: 'nope' }, db()))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('removes a principal mapping (history kept) and re-adding starts a new interval, not from the beginning', async () => {
    const admin = await paymentsWithAccount();
    await addTeamPrincipal(admin, 'payments', { arn: ARN }, db());
    const removed = await removePrincipalMapping(admin, 'payments', { arn: ARN }, db());
    expect(await db().principalMapping.count({ where: { validTo: null } })).toBe(0);
    expect(await db().principal.count()).toBe(1);
    const again = await addTeamPrincipal(admin, 'payments', { arn: ARN }, db());
    expect(again.since).not.toBeNull();
    expect(new Date(again.since!).getTime()).toBeGreaterThanOrEqual(new Date(removed.validTo).getTime());
    expect((await rejection(removePrincipalMapping(admin, 'search', { arn: ARN }, db()))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses to remove a principal mapping while the team holds active grants for it', async () => {
    const admin = await paymentsWithAccount();
    await addTeamPrincipal(admin, 'payments', { arn: ARN }, db());
    const model = await db().model.create({
      data: { modelId: 'm.x', policyKey: 'm.x', name: 'X', provider: 'P' },
      select: { id: true },
    });
    const [team, principal] = await Promise.all([
      db().team.findUniqueOrThrow({ where: { slug: 'payments' }, select: { id: true } }),
      db().principal.findUniqueOrThrow({ where: { arn: ARN }, select: { id: true } }),
    ]);
    await db().grant.create({
      data: {
        teamId: team.id,
        principalId: principal.id,
        modelId: model.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect((await rejection(removePrincipalMapping(admin, 'payments', { arn: ARN }, db()))).code).toBe(
      'CONFLICT',
    );
    expect((await rejection(archiveTeam(admin, 'payments', db()))).code).toBe('CONFLICT');
  });

  it('adds, edits and removes VPCs of the team’s accounts with validated ids', async () => {
    const admin = await paymentsWithAccount();
    const vpc = await addTeamVpc(
      admin,
      'payments',
      {
        vpcId: 'vpc-6269e0d37f2a74de4',
        accountId: '200000000331',
        region: 'us-east-1',
        environment: 'dev',
        securityGroupIds: ['sg-0a1b2c3d4e5f60001'],
      },
      db(),
    );
    expect(vpc).toMatchObject({
      vpcId: 'vpc-6269e0d37f2a74de4',
      securityGroupIds: ['sg-0a1b2c3d4e5f60001'],
      associationStatus: null,
    });
    const bad = await rejection(
      addTeamVpc(
        admin,
        'payments',
        { vpcId: 'vpc-xyz', accountId: '200000000331', region: 'mars-1', securityGroupIds: ['sg-1'] },
        db(),
      ),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['region', 'securityGroupIds.0', 'vpcId']);
    expect(
      (
        await rejection(
          addTeamVpc(
            admin,
            'payments',
            { vpcId: 'vpc-0123abcd', accountId: '999988887777', region: 'us-east-1' },
            db(),
          ),
        )
      ).code,
    ).toBe('VALIDATION');
    expect(
      (
        await rejection(
          addTeamVpc(
            admin,
            'payments',
            { vpcId: 'vpc-6269e0d37f2a74de4', accountId: '200000000331', region: 'us-east-1' },
            db(),
          ),
        )
      ).code,
    ).toBe('CONFLICT');

    const edited = await updateTeamVpc(
      admin,
      'payments',
      { vpcId: 'vpc-6269e0d37f2a74de4', securityGroupIds: ['sg-0a1b2c3d4e5f60002', 'sg-0123abcd'] },
      db(),
    );
    expect(edited.securityGroupIds).toEqual(['sg-0a1b2c3d4e5f60002', 'sg-0123abcd']);
    await db().vpc.update({
      where: { vpcId: 'vpc-6269e0d37f2a74de4' },
      data: {
        associationArn: 'arn:aws:vpc-lattice:us-east-1:200000000331:servicenetworkvpcassociation/snva-1',
      },
    });
    expect(
      (await rejection(removeTeamVpc(admin, 'payments', { vpcId: 'vpc-6269e0d37f2a74de4' }, db()))).code,
    ).toBe('CONFLICT');
    await db().vpc.update({ where: { vpcId: 'vpc-6269e0d37f2a74de4' }, data: { associationArn: null } });
    await removeTeamVpc(admin, 'payments', { vpcId: 'vpc-6269e0d37f2a74de4' }, db());
    const actions = await db().auditEvent.findMany({
      where: { targetType: 'vpc' },
      orderBy: { at: 'asc' },
      select: { action: true, details: true },
    });
    expect(actions.map((a) => a.action)).toEqual(['team.vpc.add', 'team.vpc.update', 'team.vpc.remove']);
    expect(actions[1]!.details).toMatchObject({
      changes: { securityGroupIds: { from: ['sg-0a1b2c3d4e5f60001'] } },
    });
  });

  it('updates and archives a team; an archived team can be restored', async () => {
    const admin = await paymentsWithAccount();
    await updateTeam(admin, 'payments', { costCenter: 'CC-9999' }, db());
    await archiveTeam(admin, 'payments', db());
    expect((await rejection(archiveTeam(admin, 'payments', db()))).code).toBe('CONFLICT');
    const restored = await updateTeam(admin, 'payments', { restore: true }, db());
    expect(restored).toEqual({ slug: 'payments', name: 'Payments', costCenter: 'CC-9999', archived: false });
    const details = await db().auditEvent.findFirstOrThrow({
      where: { action: 'team.update' },
      select: { details: true },
    });
    expect(details.details).toEqual({ changes: { costCenter: { from: 'CC-1001', to: 'CC-9999' } } });
  });
});
