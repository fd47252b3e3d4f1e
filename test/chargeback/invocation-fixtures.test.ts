/**
 * The Bedrock invocation-log fixtures end to end: files → runner → raw rows + hourly rollups → chargeback report,
 * reconciled with the fixture's expected token totals and an independent pricing of the raw records. Then the
 * month lifecycle: a price edit after closing leaves the closed month alone, and late data lands as an adjustment.
 * PGlite, and PostgreSQL when DATABASE_URL is set.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type TActor } from '@/lib/auth/permissions';
import { closeChargebackMonth } from '@/lib/chargeback/close-chargeback-month';
import { getChargebackReport } from '@/lib/chargeback/get-chargeback-report';
import { ingestInvocationFiles } from '@/lib/chargeback/ingest-invocation-files';
import { parseCents } from '@/lib/chargeback/money';
import { normalizeModelId } from '@/lib/chargeback/normalize-model-id';
import { setEnvForTesting } from '@/lib/env';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import prices from '@/lib/demo/bedrock-prices-us-east-1.json';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';
import { seedFixtureTeams } from '../usage/usage-test-world';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/bedrock-invocation-logs');
const expected = JSON.parse(readFileSync(path.join(fixtureDir, 'expected.json'), 'utf8')) as {
  records: number;
  byTeamModelMonth: Record<string, Record<string, number>>;
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.gz') ? [p] : [];
  });
}
const files = walk(path.join(fixtureDir, 'AWSLogs')).sort();
const cli = systemActor('cli');

async function seedPrices(db: PrismaClient) {
  for (const m of prices.models) {
    await db.priceBookEntry.create({
      data: {
        modelId: m.modelId,
        region: prices.region,
        effectiveFrom: new Date('2024-01-01T00:00:00Z'),
        inputPerMillion: String(m.input),
        outputPerMillion: String(m.output),
        cacheReadPerMillion: m.cacheRead === null ? null : String(m.cacheRead),
        cacheWritePerMillion: m.cacheWrite === null ? null : String(m.cacheWrite),
      },
    });
  }
}

/** Independent rating of the raw records of a month, in integer micro-cents-per-million, one rounding per line. */
function independentTotal(month: string): bigint {
  const rate = new Map(prices.models.map((m) => [m.modelId, m]));
  const lines = new Map<string, bigint>();
  const toInt = (v: number | null) => (v === null ? 0n : BigInt(Math.round(v * 1e6)));
  const teamOfMetadata = (r: { requestMetadata?: { team?: string } }) => r.requestMetadata?.team;
  for (const f of files) {
    for (const line of gunzipSync(readFileSync(f)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      if (!r.timestamp.startsWith(month)) continue;
      const model = normalizeModelId(r.modelId).model;
      const p = rate.get(model)!;
      const id: string = r.identity.arn;
      const team = id.includes('bedrock-proxy-exec')
        ? (teamOfMetadata(r) ?? '-')
        : (/assumed-role\/([a-z-]+?)-(dev|prod)-invoker/.exec(id)?.[1] ?? '-');
      const k = `${team}|${model}`;
      const exact =
        BigInt(r.input?.inputTokenCount ?? 0) * toInt(p.input) +
        BigInt(r.output?.outputTokenCount ?? 0) * toInt(p.output) +
        BigInt(r.input?.cacheReadInputTokenCount ?? 0) * toInt(p.cacheRead) +
        BigInt(r.input?.cacheWriteInputTokenCount ?? 0) * toInt(p.cacheWrite);
      lines.set(k, (lines.get(k) ?? 0n) + exact);
    }
  }
  // exact is in 10^-12 per token-dollar → cents = exact / 10^10, half-up
  let total = 0n;
  for (const v of lines.values()) total += (v + 5n * 10n ** 9n) / 10n ** 10n;
  return total;
}

describe.each(testDatabaseKinds)('chargeback from the invocation-log fixtures ($name)', (kind) => {
  const getDb = useFreshDatabase(kind);

  beforeAll(() => {
    setEnvForTesting({
      BEDROCK_PROXY_ROLE_ARNS: 'arn:aws:iam::111122223333:role/bedrock-proxy-exec',
      PORTAL_ORG_TIME_ZONE: 'UTC',
    });
  });

  async function setup(db: PrismaClient) {
    await seedFixtureTeams(db);
    await seedPrices(db);
    return ingestInvocationFiles(cli, { files: files.map((p) => ({ path: p })), kind: 'FILE' }, db);
  }

  it('reproduces the expected token totals per team × base model × month, idempotently', async () => {
    const db = getDb();
    const first = await setup(db);
    expect(first).toMatchObject({
      status: 'SUCCEEDED',
      stored: expected.records,
      malformed: 0,
      unattributed: 91,
    });
    const again = await ingestInvocationFiles(
      cli,
      { files: files.map((p) => ({ path: p })), kind: 'FILE' },
      db,
    );
    expect(again.stored).toBe(0);

    const got: Record<string, Record<string, number>> = {};
    for (const month of ['2026-10', '2026-11']) {
      const report = await getChargebackReport(cli, { month }, db);
      for (const l of report.lines.filter((x) => x.kind === 'usage')) {
        got[`${l.team}|${l.model}|${month}`] = {
          invocations: l.invocations,
          inputTokens: l.inputTokens,
          outputTokens: l.outputTokens,
          cacheReadInputTokens: l.cacheReadInputTokens,
          cacheWriteInputTokens: l.cacheWriteInputTokens,
        };
        expect(l.priced).toBe(true);
      }
      // Reconciliation: the report's total equals an independent rating of the raw records with the price list.
      expect(parseCents(report.total)).toBe(independentTotal(month));
      expect(parseCents(report.total)).toBe(
        report.lines.reduce((a, l) => a + (l.cost === null ? 0n : parseCents(l.cost)), 0n),
      );
    }
    expect(got).toEqual(expected.byTeamModelMonth);
  });

  it('a lead sees only their teams; an approver sees no chargeback', async () => {
    const db = getDb();
    await setup(db);
    const risk = await db.team.findUniqueOrThrow({ where: { slug: 'risk' }, select: { id: true } });
    const lead: TActor = {
      userId: 'u1',
      email: 'lead@example.com',
      name: 'Lead',
      globalRoles: [],
      teams: [{ teamId: risk.id, slug: 'risk', name: 'risk', role: 'LEAD' }],
    };
    const report = await getChargebackReport(lead, { month: '2026-10' }, db);
    expect(new Set(report.lines.map((l) => l.team))).toEqual(new Set(['risk']));
    const approver: TActor = { ...lead, globalRoles: ['APPROVER'], teams: [] };
    await expect(getChargebackReport(approver, { month: '2026-10' }, db)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a closed month does not change after a price edit; late data becomes an adjustment in the next open month', async () => {
    const db = getDb();
    await setup(db);
    const before = await getChargebackReport(cli, { month: '2026-10' }, db);
    const closed = await closeChargebackMonth(cli, { month: '2026-10' }, db);
    expect(closed).toEqual({ ...before, closed: true });
    await expect(closeChargebackMonth(cli, { month: '2026-10' }, db)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Price edit: every Claude 3 Haiku price doubles, effective from the start of October.
    await db.priceBookEntry.updateMany({
      where: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' },
      data: { inputPerMillion: '0.5', outputPerMillion: '2.5' },
    });
    expect(await getChargebackReport(cli, { month: '2026-10' }, db)).toEqual(closed);

    // Late record for 31 October arrives after the close.
    const dir = mkdtempSync(path.join(tmpdir(), 'late-'));
    const late = path.join(dir, 'late.json');
    writeFileSync(
      late,
      JSON.stringify({
        schemaType: 'ModelInvocationLog',
        timestamp: '2026-10-31T12:00:00Z',
        region: 'us-east-1',
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        identity: { arn: 'arn:aws:sts::200333333579:assumed-role/risk-prod-invoker/s' },
        input: { inputTokenCount: 1_000_000 },
        output: { outputTokenCount: 0 },
      }) + '\n',
    );
    const r = await ingestInvocationFiles(cli, { files: [{ path: late }], kind: 'FILE' }, db);
    expect(r.stored).toBe(1);
    expect(await getChargebackReport(cli, { month: '2026-10' }, db)).toEqual(closed);
    const nov = await getChargebackReport(cli, { month: '2026-11' }, db);
    const adj = nov.lines.filter((l) => l.kind === 'adjustment');
    expect(adj).toEqual([
      expect.objectContaining({
        team: 'risk',
        model: 'anthropic.claude-3-haiku-20240307-v1:0',
        forMonth: '2026-10',
        invocations: 1,
        inputTokens: 1_000_000,
        cost: '0.50',
        priced: true,
      }),
    ]);
  });
});
