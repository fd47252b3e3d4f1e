/**
 * Dashboards over rollups: totals, breakdowns, scope (a lead sees only their teams), attribution that follows a
 * principal's move over time, and unused grants.
 */
import { describe, expect, it } from 'vitest';
import type { TActor } from '@/lib/auth/permissions';
import { systemActor } from '@/lib/auth/permissions';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createAccessLogHandler } from '@/lib/usage/create-access-log-handler';
import { getOrgUsage } from '@/lib/usage/get-org-usage';
import { getTeamUsage } from '@/lib/usage/get-team-usage';
import { listUnusedGrants } from '@/lib/usage/list-unused-grants';
import { reportUsage } from '@/lib/usage/report-usage';
import { runIngestion } from '@/lib/usage/run-ingestion';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';
import { memorySource, seedFixtureTeams } from './usage-test-world';

const ROLE = 'arn:aws:sts::200000000331:assumed-role/payments-prod-invoker/s';

function line(startTime: string, o: Record<string, unknown> = {}): string {
  return JSON.stringify({
    startTime,
    responseCode: 200,
    callerPrincipal: ROLE,
    authDeniedReason: '-',
    requestPath: '/model/invoke?modelid=amazon.nova-lite-v1%3A0',
    bytesReceived: 10,
    bytesSent: 100,
    duration: 120,
    ...o,
  });
}

async function ingest(db: PrismaClient, objects: Record<string, string>) {
  return runIngestion({
    db,
    source: memorySource(objects),
    handler: createAccessLogHandler({ retentionDays: 100_000 }),
    trigger: 'cli',
  });
}

function lead(teamId: string, slug: string): TActor {
  return {
    userId: 'u-lead',
    email: 'lead@example.com',
    name: 'Lead',
    globalRoles: [],
    teams: [{ teamId, slug, name: slug, role: 'LEAD' }],
  };
}

const admin = systemActor('system');

describe.each(testDatabaseKinds)('usage dashboards ($name)', (kind) => {
  const getDb = useFreshDatabase(kind);

  it('shows a team its totals, latency percentiles and breakdowns, and hides them from another team', async () => {
    const db = getDb();
    const teams = await seedFixtureTeams(db);
    await ingest(db, {
      a: [
        line('2026-11-02T10:00:00Z'),
        line('2026-11-02T10:05:00Z', { duration: 900, responseCode: 503 }),
        line('2026-11-02T11:00:00Z', { responseCode: 403, authDeniedReason: 'Service', bytesSent: 0 }),
        line('2026-11-02T11:00:00Z', { callerPrincipal: '-' }),
      ].join('\n'),
    });
    const range = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') };
    const u = await getTeamUsage(admin, { slug: 'payments', ...range }, db);
    expect(u.totals).toMatchObject({
      requests: 3,
      allowed: 2,
      denied: 1,
      errors5xx: 1,
      bytesReceived: 30,
      bytesSent: 200,
    });
    expect(u.totals.errorRate).toBe(0.5);
    expect(u.totals.p50Ms).toBeGreaterThanOrEqual(100);
    expect(u.totals.p99Ms).toBeGreaterThanOrEqual(750);
    expect(u.byModel.map((m) => [m.key, m.requests])).toEqual([['amazon.nova-lite-v1:0', 3]]);
    expect(u.byPrincipal.map((p) => p.label)).toEqual([
      'arn:aws:iam::200000000331:role/genai/payments-prod-invoker',
    ]);
    expect(u.byEnvironment.map((e) => [e.key, e.requests])).toEqual([['prod', 3]]);
    expect(u.series.map((s) => [s.key, s.requests])).toEqual([
      ['2026-11-02T10:00:00Z', 2],
      ['2026-11-02T11:00:00Z', 1],
    ]);

    await expect(
      getTeamUsage(lead(teams.search!, 'search'), { slug: 'payments', ...range }, db),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const mine = await getOrgUsage(lead(teams.search!, 'search'), range, db);
    expect(mine.totals.requests).toBe(0);
    expect(mine.unattributedCallers).toEqual([]);
    const all = await getOrgUsage(admin, range, db);
    expect(all.totals.requests).toBe(4);
    expect(all.unattributedCallers.map((c) => [c.key, c.requests])).toEqual([['-', 1]]);
    expect(all.deniedByTeam.map((t) => [t.key, t.denied])).toEqual([['payments', 1]]);
  });

  it('attributes by the mapping valid at each record time: moving a role does not rewrite the past', async () => {
    const db = getDb();
    const teams = await seedFixtureTeams(db);
    const principal = await db.principal.findUniqueOrThrow({
      where: { arn: 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker' },
      select: { id: true },
    });
    const moveAt = new Date('2026-11-02T12:00:00Z');
    await db.principalMapping.updateMany({ where: { principalId: principal.id }, data: { validTo: moveAt } });
    await db.principalMapping.create({
      data: { principalId: principal.id, teamId: teams.risk!, validFrom: moveAt },
    });
    await ingest(db, {
      b: [line('2026-11-02T11:59:59Z'), line('2026-11-02T12:00:00Z'), line('2026-11-02T13:00:00Z')].join(
        '\n',
      ),
    });
    const rows = await reportUsage(admin, { groupBy: ['team'] }, db);
    expect(rows.map((r) => [r.team, r.requests])).toEqual([
      ['payments', 1],
      ['risk', 2],
    ]);
  });

  it('flags active grants with no allowed request in the window, and not the used or young ones', async () => {
    const db = getDb();
    const teams = await seedFixtureTeams(db);
    const now = Date.parse('2026-12-01T00:00:00Z');
    const p = await db.principal.findUniqueOrThrow({
      where: { arn: 'arn:aws:iam::200000000331:role/genai/payments-prod-invoker' },
      select: { id: true },
    });
    const nova = await db.model.create({
      data: {
        modelId: 'amazon.nova-lite-v1:0',
        policyKey: 'amazon.nova-lite-v1:0',
        name: 'Nova Lite',
        provider: 'Amazon',
      },
      select: { id: true },
    });
    const haiku = await db.model.create({
      data: {
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        policyKey: 'anthropic.claude-3-haiku-20240307-v1:0',
        name: 'Claude 3 Haiku',
        provider: 'Anthropic',
      },
      select: { id: true },
    });
    const titan = await db.model.create({
      data: {
        modelId: 'amazon.titan-text-express-v1',
        policyKey: 'amazon.titan-text-express-v1',
        name: 'Titan',
        provider: 'Amazon',
      },
      select: { id: true },
    });
    const grant = (modelId: string, validFrom: string) =>
      db.grant.create({
        data: {
          teamId: teams.payments!,
          principalId: p.id,
          modelId,
          validFrom: new Date(validFrom),
          expiresAt: new Date('2027-06-01T00:00:00Z'),
        },
      });
    await grant(nova.id, '2026-09-01T00:00:00Z'); // used on 2026-11-20: not flagged
    await grant(haiku.id, '2026-09-01T00:00:00Z'); // only denied requests: flagged
    await grant(titan.id, '2026-11-25T00:00:00Z'); // younger than 30 days: not flagged
    await ingest(db, {
      c: [
        line('2026-11-20T10:00:00Z'),
        line('2026-11-21T10:00:00Z', {
          requestPath: '/model/anthropic.claude-3-haiku-20240307-v1:0/invoke',
          responseCode: 403,
          authDeniedReason: 'Service',
        }),
      ].join('\n'),
    });
    const unused = await listUnusedGrants(admin, {}, db, now);
    expect(unused.map((g) => [g.modelId, g.lastUsedDay])).toEqual([
      ['anthropic.claude-3-haiku-20240307-v1:0', null],
    ]);
    expect(await listUnusedGrants(lead(teams.search!, 'search'), {}, db, now)).toEqual([]);
  });
});
