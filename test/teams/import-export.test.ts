import { describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { exportTeams } from '@/lib/teams/export-teams';
import { importTeams } from '@/lib/teams/import-teams';
import { testDatabaseKinds } from '../db/test-databases';
import { leadActor, useFreshDatabase } from './team-test-db';

const cli = systemActor('cli');
const PAY_DEV = 'arn:aws:iam::200000000331:role/payments-dev-invoker';
const PAY_PROD = 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker';
const SEARCH_DEV = 'arn:aws:iam::200111111951:role/search-dev-invoker';

const baseFile = () => ({
  payments: {
    name: 'Payments',
    costCenter: 'CC-1001',
    principals: [PAY_DEV, PAY_PROD],
    accounts: ['200000000331'],
    vpcs: ['vpc-6269e0d37f2a74de4'],
    members: [{ email: 'lena.lead@example.com', name: 'Lena Park', role: 'lead' as const }],
  },
  search: {
    costCenter: 'CC-1002',
    principals: [SEARCH_DEV],
    accounts: [{ accountId: '200111111951', environment: 'prod' }],
    vpcs: [
      {
        vpcId: 'vpc-51818e811892f902b',
        region: 'eu-west-1',
        securityGroupIds: ['sg-0a1b2c3d4e5f60003'],
        environment: 'dev',
      },
    ],
  },
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDatabaseKinds)('teams as code on $name', (kind) => {
  const db = useFreshDatabase(kind);

  const mappingsOf = (arn: string) =>
    db().principalMapping.findMany({
      where: { principal: { arn } },
      orderBy: { createdAt: 'asc' },
      select: { validFrom: true, validTo: true, team: { select: { slug: true } } },
    });

  it('creates teams, accounts, principals (from the beginning of time), VPCs and members, with defaults', async () => {
    const result = await importTeams(cli, baseFile(), {}, db());
    expect(result.counts).toEqual({ created: 11, updated: 0, moved: 0, pruned: 0 });
    expect(result.changes.map((c) => c.text)).toContain(
      `add principal ${PAY_PROD} to payments (from the beginning)`,
    );

    const search = await db().team.findUniqueOrThrow({
      where: { slug: 'search' },
      select: { name: true, costCenter: true },
    });
    expect(search).toEqual({ name: 'search', costCenter: 'CC-1002' });
    const principal = await db().principal.findUniqueOrThrow({
      where: { arn: PAY_PROD },
      select: { accountId: true, name: true, path: true },
    });
    expect(principal).toEqual({ accountId: '200000000331', name: 'payments-prod-invoker', path: '/genai/' });
    expect(await mappingsOf(PAY_PROD)).toEqual([
      { validFrom: null, validTo: null, team: { slug: 'payments' } },
    ]);
    const vpcs = await db().vpc.findMany({
      orderBy: { vpcId: 'asc' },
      select: { vpcId: true, accountId: true, region: true, environment: true, securityGroupIds: true },
    });
    expect(vpcs).toEqual([
      {
        vpcId: 'vpc-51818e811892f902b',
        accountId: '200111111951',
        region: 'eu-west-1',
        environment: 'dev',
        securityGroupIds: ['sg-0a1b2c3d4e5f60003'],
      },
      {
        vpcId: 'vpc-6269e0d37f2a74de4',
        accountId: '200000000331',
        region: 'us-east-1',
        environment: 'default',
        securityGroupIds: [],
      },
    ]);
    const lena = await db().user.findUniqueOrThrow({
      where: { email: 'lena.lead@example.com' },
      select: { name: true, memberships: { select: { role: true } } },
    });
    expect(lena).toEqual({ name: 'Lena Park', memberships: [{ role: 'LEAD' }] });

    // One audit event per change, attributed to the CLI, plus a summary.
    const events = await db().auditEvent.findMany({
      select: { action: true, actorLabel: true, actorId: true },
    });
    expect(events).toHaveLength(12);
    expect(events.every((e) => e.actorLabel === 'cli' && e.actorId === null)).toBe(true);
    const summary = await db().auditEvent.findFirstOrThrow({
      where: { action: 'teams.import' },
      select: { details: true },
    });
    expect(summary.details).toMatchObject({ counts: { created: 11 }, prune: false });
  });

  it('merges: a second import of the same file changes nothing, and leaving things out deletes nothing without --prune', async () => {
    await importTeams(cli, baseFile(), {}, db());
    const again = await importTeams(cli, baseFile(), {}, db());
    expect(again.changes).toEqual([]);

    const smaller = baseFile();
    smaller.payments.principals = [PAY_DEV];
    smaller.payments.members = [];
    const r = await importTeams(cli, { payments: smaller.payments }, {}, db());
    expect(r.changes).toEqual([]);
    expect(await db().principalMapping.count({ where: { validTo: null } })).toBe(3);
    expect(await db().team.count({ where: { archivedAt: null } })).toBe(2);
  });

  it('--prune removes what the listed sections no longer hold and archives unlisted teams; history is kept', async () => {
    await importTeams(cli, baseFile(), {}, db());
    const file = baseFile();
    file.payments.principals = [PAY_DEV];
    file.payments.vpcs = [];
    file.payments.members = [];
    const effective = new Date('2026-04-01T00:00:00Z');

    const dry = await importTeams(
      cli,
      { payments: file.payments },
      { prune: true, effectiveAt: effective, dryRun: true },
      db(),
    );
    expect(dry.counts).toEqual({ created: 0, updated: 0, moved: 0, pruned: 4 });
    expect(await db().auditEvent.count({ where: { action: { startsWith: 'team.principal.remove' } } })).toBe(
      0,
    );
    expect(await db().principalMapping.count({ where: { validTo: null } })).toBe(3);

    const r = await importTeams(
      cli,
      { payments: file.payments },
      { prune: true, effectiveAt: effective },
      db(),
    );
    expect(r.changes.map((c) => c.kind).sort()).toEqual([
      'member.remove',
      'principal.remove',
      'team.archive',
      'vpc.remove',
    ]);
    expect(await mappingsOf(PAY_PROD)).toEqual([
      { validFrom: null, validTo: effective, team: { slug: 'payments' } },
    ]);
    expect(await db().vpc.count()).toBe(1);
    expect(
      await db().team.findUniqueOrThrow({ where: { slug: 'search' }, select: { archivedAt: true } }),
    ).not.toEqual({ archivedAt: null });
    expect(await db().user.count({ where: { email: 'lena.lead@example.com' } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'team.principal.remove' } })).toBe(1);
  });

  it('--prune keeps what it must (associated VPC, account with recorded principals) and says why', async () => {
    await importTeams(cli, baseFile(), {}, db());
    await db().vpc.update({
      where: { vpcId: 'vpc-6269e0d37f2a74de4' },
      data: {
        associationArn: 'arn:aws:vpc-lattice:us-east-1:200000000331:servicenetworkvpcassociation/snva-1',
      },
    });
    const file = baseFile();
    const r = await importTeams(
      cli,
      {
        ...file,
        payments: { ...file.payments, vpcs: [] },
        search: { ...file.search, accounts: [], principals: [], vpcs: [] },
      },
      { prune: true },
      db(),
    );
    expect(r.kept.some((k) => k.includes('vpc-6269e0d37f2a74de4'))).toBe(true);
    expect(r.kept.some((k) => k.includes('account 200111111951'))).toBe(true);
    expect(await db().awsAccount.count()).toBe(2);
    expect(
      await db().vpc.findUnique({ where: { vpcId: 'vpc-6269e0d37f2a74de4' }, select: { vpcId: true } }),
    ).not.toBeNull();
  });

  it('moves a principal listed under another team at --effective: old mapping closed there, new one from there', async () => {
    await importTeams(cli, baseFile(), {}, db());
    const file = baseFile();
    file.payments.principals = [PAY_DEV];
    file.search.principals = [SEARCH_DEV, PAY_PROD];
    const effective = new Date('2026-05-01T12:00:00Z');
    const r = await importTeams(cli, file, { effectiveAt: effective }, db());
    expect(r.counts).toEqual({ created: 0, updated: 0, moved: 1, pruned: 0 });
    expect(r.changes[0]!.text).toBe(
      `move principal ${PAY_PROD} from payments to search at 2026-05-01T12:00:00.000Z`,
    );
    expect(await mappingsOf(PAY_PROD)).toEqual([
      { validFrom: null, validTo: effective, team: { slug: 'payments' } },
      { validFrom: effective, validTo: null, team: { slug: 'search' } },
    ]);
    // Moving back before the second mapping began would overlap the intervals.
    const back = await rejection(
      importTeams(cli, baseFile(), { effectiveAt: new Date('2026-04-01T00:00:00Z') }, db()),
    );
    expect(back.code).toBe('VALIDATION');
    expect(back.issues).toEqual([
      { path: 'payments.principals.1', message: expect.stringContaining('--effective is not after') },
    ]);
  });

  it('export round-trips: importing an export changes nothing, even with --prune', async () => {
    await importTeams(cli, baseFile(), {}, db());
    await db().awsAccount.update({ where: { accountId: '200000000331' }, data: { name: 'payments-prod' } });
    const exported = await exportTeams(cli, db());
    expect(exported.search).toEqual({
      name: 'search',
      costCenter: 'CC-1002',
      accounts: [{ accountId: '200111111951', environment: 'prod' }],
      principals: [SEARCH_DEV],
      vpcs: [
        {
          vpcId: 'vpc-51818e811892f902b',
          accountId: '200111111951',
          region: 'eu-west-1',
          environment: 'dev',
          securityGroupIds: ['sg-0a1b2c3d4e5f60003'],
        },
      ],
      members: [],
    });
    const viaJson = JSON.parse(JSON.stringify(exported)) as unknown;
    expect((await importTeams(cli, viaJson, { prune: true }, db())).changes).toEqual([]);
    expect(await exportTeams(cli, db())).toEqual(exported);
  });

  it('validates the whole file up front and reports every problem with its path; nothing is written', async () => {
    await importTeams(cli, baseFile(), {}, db());
    const before = await db().auditEvent.count();
    const shapeError = await rejection(
      importTeams(
        cli,
        {
          'Bad Slug': { principals: [] },
          payments: {
            principals: ['arn:aws:iam::12:role/x', PAY_DEV],
            accounts: ['123'],
            vpcs: ['vpc-nothex!'],
            members: [{ email: 'nope' }],
            colour: 'blue',
          },
        },
        {},
        db(),
      ),
    );
    expect(shapeError.code).toBe('VALIDATION');
    expect(shapeError.issues.map((i) => i.path).sort()).toEqual(
      [
        'Bad Slug',
        'payments',
        'payments.accounts.0.accountId',
        'payments.members.0.email',
        'payments.principals.0',
        'payments.vpcs.0.vpcId',
      ].sort(),
    );

    const semantic = await rejection(
      importTeams(
        cli,
        {
          payments: {
            principals: [PAY_DEV, 'arn:aws:iam::200000000331:role/other-path/payments-dev-invoker'],
            accounts: ['200000000331'],
          },
          search: {
            accounts: ['200000000331'],
            principals: ['arn:aws:iam::555555555555:role/x'],
            vpcs: ['vpc-0123abcd'],
          },
          newteam: {
            members: [{ email: 'stranger@example.com', role: 'lead' }],
            vpcs: [{ vpcId: 'vpc-0123abce', accountId: '200111111951' }],
          },
        },
        {},
        db(),
      ),
    );
    expect(semantic.issues.map((i) => i.path).sort()).toEqual(
      [
        'payments.principals.1',
        'search.accounts.0',
        'search.principals.0',
        'newteam.members.0.name',
        'newteam.vpcs.0.accountId',
      ].sort(),
    );
    expect(semantic.message).toContain('nothing was changed');
    expect(await db().auditEvent.count()).toBe(before);
    expect(await db().team.count()).toBe(2);
  });

  it('moves an account with its VPCs, and refuses to move it without them', async () => {
    await importTeams(cli, baseFile(), {}, db());
    const file = baseFile();
    const withoutVpc = await rejection(
      importTeams(
        cli,
        { search: { ...file.search, accounts: [...file.search.accounts, '200000000331'] } },
        {},
        db(),
      ),
    );
    expect(withoutVpc.issues[0]).toMatchObject({
      path: 'search.accounts.1',
      message: expect.stringContaining('vpc-6269e0d37f2a74de4'),
    });
    const moved = await importTeams(
      cli,
      {
        search: {
          ...file.search,
          accounts: [...file.search.accounts, '200000000331'],
          vpcs: [...file.search.vpcs, 'vpc-6269e0d37f2a74de4'],
        },
      },
      {},
      db(),
    );
    expect(moved.changes.map((c) => c.kind).sort()).toEqual(['account.move', 'vpc.move']);
  });

  it('refuses a non-admin actor (FORBIDDEN) for import and export', async () => {
    expect((await rejection(importTeams(leadActor(), baseFile(), {}, db()))).code).toBe('FORBIDDEN');
    expect((await rejection(exportTeams(leadActor(), db()))).code).toBe('FORBIDDEN');
    expect(await db().team.count()).toBe(0);
  });
});
