import { describe, expect, it } from 'vitest';
import { auditWhere, escapeLike } from '@/lib/audit/audit-filter';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { verifyAuditChain } from '@/lib/audit/verify-audit-chain';
import { systemActor } from '@/lib/auth/permissions';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';

const cli = systemActor('cli');

async function record(db: PrismaClient, n: number, action = 'test.event') {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actor: { label: 'cli' },
        action,
        targetType: 'thing',
        targetId: `t${i}`,
        details: { i, nested: { b: 2, a: [1, 'x'] }, note: 'ünïcödé' },
      }),
    );
  }
}

describe.each(testDatabaseKinds)('audit hash chain on $name', (kind) => {
  const db = useFreshDatabase(kind);

  it('links every event to the one before it, and verifies', async () => {
    await record(db(), 5);
    const events = await db().auditEvent.findMany({
      orderBy: { seq: 'asc' },
      select: { seq: true, prevHash: true, hash: true },
    });
    expect(events.map((e) => e.seq)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(events[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    const head = await db().auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head.seq).toBe(5n);
    expect(head.hash).toBe(events[4]!.hash);
    expect(await verifyAuditChain(cli, db())).toMatchObject({ ok: true, checked: 5, firstBroken: null });
  });

  it('the action filter matches % and _ literally', async () => {
    await record(db(), 1, 'team.create');
    await record(db(), 1, 'team_x.create');
    expect(escapeLike('a%b_c\\')).toBe('a\\%b\\_c\\\\');
    const count = (action: string) => db().auditEvent.count({ where: auditWhere({ action }) });
    expect(await count('%')).toBe(0);
    expect(await count('team_')).toBe(1);
    expect(await count('team')).toBe(2);
  });

  it('names the first altered event when one is changed with SQL', async () => {
    await record(db(), 4);
    const third = await db().auditEvent.findFirstOrThrow({ where: { seq: 3n }, select: { id: true } });
    await db().$executeRawUnsafe(
      `UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE "id" = $1`,
      third.id,
    );
    const r = await verifyAuditChain(cli, db());
    expect(r.ok).toBe(false);
    expect(r.checked).toBe(2);
    expect(r.firstBroken).toMatchObject({
      id: third.id,
      seq: '3',
      reason: expect.stringContaining('altered'),
    });
  });

  it('detects a deleted event, a deleted tail and an event slipped in without a hash', async () => {
    await record(db(), 4);
    await db().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 4`);
    expect((await verifyAuditChain(cli, db())).firstBroken?.reason).toContain('events removed from the end');
    await db().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "seq" = 2`);
    const gap = await verifyAuditChain(cli, db());
    expect(gap.firstBroken).toMatchObject({ seq: '3', reason: expect.stringContaining('sequence gap') });

    await db().$executeRawUnsafe(`TRUNCATE "AuditEvent", "AuditChainHead"`);
    await record(db(), 2);
    await db().$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("id","at","actorLabel","action","targetType","targetId","details")
       VALUES ('forged', now() + interval '1 second', 'admin', 'grant.create', 'grant', 'g1', '{}')`,
    );
    expect((await verifyAuditChain(cli, db())).firstBroken).toMatchObject({ id: 'forged' });
  });

  // PGlite has one connection, so writers never contend there: the race belongs on PostgreSQL.
  if (kind.name === 'postgresql')
    it('never forks under concurrent writers on several connections', async () => {
      // Several Prisma clients (pools) on one database stand in for several portal instances.
      const clients = [db()];
      const first = await db().$queryRawUnsafe<{ current_database: string }[]>('SELECT current_database()');
      const base = new URL(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL!);
      base.pathname = `/${first[0]!.current_database}`;
      for (let i = 0; i < 3; i++)
        clients.push(new PrismaClient({ adapter: new PrismaPg({ connectionString: base.toString() }) }));
      try {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            clients[i % clients.length]!.$transaction((tx) =>
              recordAuditEvent(tx, {
                actor: { label: 'cli' },
                action: 'race',
                targetType: 'x',
                targetId: String(i),
              }),
            ),
          ),
        );
      } finally {
        await Promise.all(clients.slice(1).map((c) => c.$disconnect()));
      }
      const seqs = (await db().auditEvent.findMany({ select: { seq: true }, orderBy: { seq: 'asc' } })).map(
        (e) => Number(e.seq),
      );
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await verifyAuditChain(cli, db())).toMatchObject({ ok: true, checked: 40 });
    }, 60_000);
});
