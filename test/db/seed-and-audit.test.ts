import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { migrateDatabase } from '@/lib/db/migrate';
import { DEMO_PRICE_EFFECTIVE_FROM, parseIamArn, seedDemoData } from '@/lib/db/seed';
import { DEMO_PERSONAS, DEMO_TEAMS, DEMO_TWO_APPROVAL_MODELS } from '@/lib/demo/world';
import prices from '@/lib/demo/bedrock-prices-us-east-1.json';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { testDatabaseKinds, type TFreshDatabase } from './test-databases';

const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');

async function counts(db: PrismaClient) {
  return {
    users: await db.user.count(),
    teams: await db.team.count(),
    memberships: await db.teamMembership.count(),
    accounts: await db.awsAccount.count(),
    principals: await db.principal.count(),
    mappings: await db.principalMapping.count(),
    vpcs: await db.vpc.count(),
    models: await db.model.count(),
    prices: await db.priceBookEntry.count(),
  };
}

describe('parseIamArn', () => {
  it('splits account, kind, path and name', () => {
    expect(parseIamArn('arn:aws:iam::200000000331:role/genai/payments-prod-invoker')).toEqual({
      accountId: '200000000331',
      kind: 'ROLE',
      path: '/genai/',
      name: 'payments-prod-invoker',
    });
    expect(parseIamArn('arn:aws:iam::200000000331:role/plain')).toMatchObject({ path: '/', name: 'plain' });
    expect(() => parseIamArn('arn:aws:sts::200000000331:assumed-role/x/y')).toThrow();
  });
});

describe.each(testDatabaseKinds)('seed and audit on $name', (kind) => {
  let fresh: TFreshDatabase | undefined;
  afterEach(async () => {
    await fresh?.dispose();
    fresh = undefined;
  });
  async function migrated(): Promise<PrismaClient> {
    fresh = await kind.fresh();
    await migrateDatabase(fresh.sql, { migrationsDir });
    return fresh.prisma();
  }

  it('seeds the demo world, and seeding again changes nothing', async () => {
    const db = await migrated();
    await seedDemoData(db);
    const once = await counts(db);
    const principalCount = DEMO_TEAMS.reduce((n, t) => n + t.principals.length, 0);
    expect(once).toEqual({
      users: DEMO_PERSONAS.length,
      teams: DEMO_TEAMS.length,
      memberships: DEMO_PERSONAS.reduce((n, p) => n + p.teams.length, 0),
      accounts: DEMO_TEAMS.length,
      principals: principalCount,
      mappings: principalCount,
      vpcs: DEMO_TEAMS.reduce((n, t) => n + t.vpcs.length, 0),
      models: prices.models.length,
      prices: prices.models.length,
    });
    await seedDemoData(db);
    expect(await counts(db)).toEqual(once);
  });

  it('maps principals to their team from the beginning of time, with exact prices and approval rules', async () => {
    const db = await migrated();
    await seedDemoData(db);
    const mapping = await db.principalMapping.findFirstOrThrow({
      where: { principal: { arn: 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker' } },
      select: {
        validFrom: true,
        validTo: true,
        team: { select: { slug: true } },
        principal: { select: { path: true } },
      },
    });
    expect(mapping).toEqual({
      validFrom: null,
      validTo: null,
      team: { slug: 'payments' },
      principal: { path: '/genai/' },
    });

    const admin = await db.user.findUniqueOrThrow({
      where: { email: 'ari.admin@example.com' },
      select: { globalRoles: true },
    });
    expect(admin.globalRoles).toEqual(['ADMIN']);
    const lead = await db.teamMembership.findFirstOrThrow({
      where: { user: { email: 'lena.lead@example.com' } },
      select: { role: true, team: { select: { slug: true } } },
    });
    expect(lead).toEqual({ role: 'LEAD', team: { slug: 'payments' } });

    const twoApprovals = await db.model.findMany({
      where: { requiresTwoApprovals: true },
      select: { modelId: true },
    });
    expect(twoApprovals.map((m) => m.modelId).sort()).toEqual([...DEMO_TWO_APPROVAL_MODELS].sort());
    const opus = await db.model.findUniqueOrThrow({
      where: { modelId: 'anthropic.claude-3-opus-20240229-v1:0' },
      select: { tier: true, policyKey: true, enabled: true },
    });
    expect(opus).toEqual({
      tier: 'RESTRICTED',
      policyKey: 'anthropic.claude-3-opus-20240229-v1:0',
      enabled: true,
    });

    const nova = await db.priceBookEntry.findFirstOrThrow({
      where: { modelId: 'amazon.nova-lite-v1:0', region: 'us-east-1' },
      select: {
        inputPerMillion: true,
        cacheReadPerMillion: true,
        cacheWritePerMillion: true,
        effectiveFrom: true,
      },
    });
    expect(nova.inputPerMillion.toString()).toBe('0.06');
    expect(nova.cacheReadPerMillion?.toString()).toBe('0.015');
    expect(nova.cacheWritePerMillion).toBeNull();
    expect(nova.effectiveFrom.toISOString()).toBe(DEMO_PRICE_EFFECTIVE_FROM.toISOString());
  });

  it('keeps admin edits to the catalog when seeding again', async () => {
    const db = await migrated();
    await seedDemoData(db);
    await db.model.update({
      where: { modelId: 'amazon.nova-lite-v1:0' },
      data: { enabled: false, tier: 'ADVANCED' },
    });
    await seedDemoData(db);
    const m = await db.model.findUniqueOrThrow({
      where: { modelId: 'amazon.nova-lite-v1:0' },
      select: { enabled: true, tier: true },
    });
    expect(m).toEqual({ enabled: false, tier: 'ADVANCED' });
  });

  it('records audit events inside the transaction of the change, with secrets redacted', async () => {
    const db = await migrated();
    await db.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { slug: 'audited', name: 'Audited', costCenter: 'CC-9' },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor: { label: 'cli' },
        action: 'team.create',
        targetType: 'team',
        targetId: team.id,
        teamId: team.id,
        details: { slug: 'audited', clientSecret: 'hunter2', nested: { sessionToken: 'abc', keep: 1 } },
      });
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'team.create' },
      select: { actorId: true, actorLabel: true, details: true, teamId: true, at: true },
    });
    expect(event.actorId).toBeNull();
    expect(event.actorLabel).toBe('cli');
    expect(event.teamId).not.toBeNull();
    expect(event.details).toEqual({
      slug: 'audited',
      clientSecret: '[redacted]',
      nested: { sessionToken: '[redacted]', keep: 1 },
    });

    // A change that rolls back leaves no audit trail behind.
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, {
          actor: { label: 'system' },
          action: 'team.delete',
          targetType: 'team',
          targetId: 'x',
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.auditEvent.count({ where: { action: 'team.delete' } })).toBe(0);
  });
});
