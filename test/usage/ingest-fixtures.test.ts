/**
 * The access-log fixtures end to end: files → runner → raw rows + rollups → report. Runs on PGlite and, when
 * DATABASE_URL is set, on PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/auth/permissions';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createAccessLogHandler } from '@/lib/usage/create-access-log-handler';
import { reportUsage, type TReportRow } from '@/lib/usage/report-usage';
import { runIngestion } from '@/lib/usage/run-ingestion';
import { createFileLogSource } from '@/lib/usage/sources/create-file-log-source';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';
import {
  fixtureExpected,
  fixtureLogsDir,
  fixtureTeams,
  fixturesDir,
  seedFixtureTeams,
} from './usage-test-world';

const cli = systemActor('cli');
const fixtureFiles = readdirSync(fixtureLogsDir)
  .sort()
  .map((f) => ({ path: path.join(fixtureLogsDir, f) }));
const trapsFile = { path: path.join(fixturesDir, 'traps/traps-crlf-bom.log') };

function ingest(db: PrismaClient, files: { path: string }[], kind: 'FILE' | 'UPLOAD' = 'FILE') {
  return runIngestion({
    db,
    source: createFileLogSource(files, { kind }),
    handler: createAccessLogHandler({ retentionDays: 100_000 }),
    trigger: 'cli',
  });
}

function byKey(rows: TReportRow[]) {
  return Object.fromEntries(
    rows.map((r) => [
      `${r.team}|${r.model}`,
      {
        requests: r.requests,
        allowed: r.allowed,
        denied: r.denied,
        errors: r.errors5xx,
        bytesReceived: r.bytesReceived,
        bytesSent: r.bytesSent,
      },
    ]),
  );
}

/** An independent recomputation of the totals from the files (redeliveries excluded), straight from JSON. */
function recompute(files: string[]) {
  const teamOf = new Map<string, string>();
  for (const [slug, t] of Object.entries(fixtureTeams())) {
    for (const arn of t.principals) {
      const [, acct, , name] = /^arn:aws:iam::(\d+):role\/(.*\/)?([^/]+)$/.exec(arn)!;
      teamOf.set(`${acct}|${name}`, slug);
    }
  }
  const out: Record<string, Record<string, number>> = {};
  const months: Record<string, number> = {};
  for (const f of files) {
    const text = gunzipSync(readFileSync(f)).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      const caller: string = r.callerPrincipal;
      const m =
        /^arn:aws:sts::(\d+):assumed-role\/([^/]+)\//.exec(caller) ??
        /^arn:aws:iam::(\d+):role\/(?:.*\/)?([^/]+)$/.exec(caller);
      const team = (m && teamOf.get(`${m[1]}|${m[2]}`)) ?? '-';
      const path: string = r.requestPath;
      const q = /[?&]modelid=([^&]+)/.exec(path);
      const p = /^\/model\/([^/?]+)\//.exec(path);
      const model = decodeURIComponent((q?.[1] ?? p?.[1] ?? '-') as string);
      const denied = r.authDeniedReason !== '-';
      const code = Number(r.responseCode);
      const num = (v: unknown) => (v === '-' ? 0 : Number(v));
      const k = `${team}|${model}`;
      const t = (out[k] ??= {
        requests: 0,
        allowed: 0,
        denied: 0,
        errors: 0,
        bytesReceived: 0,
        bytesSent: 0,
      });
      t.requests! += 1;
      if (denied) t.denied! += 1;
      else t.allowed! += 1;
      if (!denied && code >= 500) t.errors! += 1;
      t.bytesReceived! += num(r.bytesReceived);
      t.bytesSent! += num(r.bytesSent);
      const mk = `${team}|${String(r.startTime).slice(0, 7)}`;
      months[mk] = (months[mk] ?? 0) + 1;
    }
  }
  return { byTeamModel: out, months };
}

describe.each(testDatabaseKinds)('ingesting the access-log fixtures ($name)', (kind) => {
  const getDb = useFreshDatabase(kind);

  it('stores every record once (the redelivered object is skipped) and reports the true totals', async () => {
    const db = getDb();
    await seedFixtureTeams(db);
    const s = await ingest(db, fixtureFiles);
    expect(s).toMatchObject({ status: 'SUCCEEDED', objectsRead: 2, objectsSkipped: 1, malformed: 0 });
    expect(s.stored).toBe(300);

    const truth = recompute(
      fixtureFiles.map((f) => f.path).filter((f) => !path.basename(f).startsWith('redelivered-')),
    );
    const report = await reportUsage(cli, { groupBy: ['team', 'model'] }, db);
    expect(byKey(report)).toEqual(truth.byTeamModel);
    const months = await reportUsage(cli, { groupBy: ['team', 'month'] }, db);
    expect(Object.fromEntries(months.map((r) => [`${r.team}|${r.month}`, r.requests]))).toEqual(truth.months);
    // requests = allowed + denied on every row.
    for (const r of report) expect(r.requests).toBe(r.allowed + r.denied);

    // The present objects are part of the delivery expected.json describes: no total may exceed it.
    const expected = fixtureExpected();
    for (const [k, v] of Object.entries(byKey(report))) {
      const e = expected.byTeamModel[k];
      expect(e, k).toBeDefined();
      for (const m of Object.keys(v) as (keyof typeof v)[])
        expect(v[m], `${k} ${m}`).toBeLessThanOrEqual(e![m]);
    }
    const unattributed = report.filter((r) => r.team === '-').reduce((n, r) => n + r.requests, 0);
    expect(unattributed).toBe(s.unattributed);
    expect(unattributed).toBeLessThanOrEqual(expected.unattributedRequests);
  });

  it('reproduces the exact totals of the traps object (BOM, CRLF, blank and malformed lines, strings, "-")', async () => {
    const db = getDb();
    await seedFixtureTeams(db);
    const s = await ingest(db, [trapsFile]);
    expect(s).toMatchObject({
      status: 'SUCCEEDED',
      recordsRead: 9,
      stored: 7,
      malformed: 2,
      unattributed: 2,
    });
    expect(byKey(await reportUsage(cli, { groupBy: ['team', 'model'] }, db))).toEqual({
      'payments|amazon.nova-lite-v1:0': {
        requests: 4,
        allowed: 4,
        denied: 0,
        errors: 1,
        bytesReceived: 400,
        bytesSent: 3000,
      },
      'payments|anthropic.claude-3-haiku-20240307-v1:0': {
        requests: 1,
        allowed: 0,
        denied: 1,
        errors: 0,
        bytesReceived: 100,
        bytesSent: 0,
      },
      '-|amazon.nova-lite-v1:0': {
        requests: 1,
        allowed: 0,
        denied: 1,
        errors: 0,
        bytesReceived: 100,
        bytesSent: 1000,
      },
      '-|-': { requests: 1, allowed: 1, denied: 0, errors: 0, bytesReceived: 100, bytesSent: 1000 },
    });
    const samples = await db.ingestionMalformedSample.findMany({
      orderBy: { lineNo: 'asc' },
      select: { lineNo: true, reason: true },
    });
    expect(samples).toEqual([
      { lineNo: 10, reason: 'not JSON' },
      { lineNo: 11, reason: 'no valid startTime' },
    ]);
  });

  it('ingesting again, from the same or another source, changes nothing', async () => {
    const db = getDb();
    await seedFixtureTeams(db);
    await ingest(db, [...fixtureFiles, trapsFile]);
    const snapshot = async () => ({
      raw: await db.usageEvent.count(),
      hourly: await db.usageRollup.findMany({
        orderBy: [{ hour: 'asc' }, { callerKey: 'asc' }, { modelKey: 'asc' }, { statusClass: 'asc' }],
      }),
      daily: await db.usageRollupDaily.findMany({
        orderBy: [{ day: 'asc' }, { callerKey: 'asc' }, { modelKey: 'asc' }, { statusClass: 'asc' }],
      }),
    });
    const before = await snapshot();
    const again = await ingest(db, [...fixtureFiles, trapsFile]);
    expect(again).toMatchObject({ stored: 0, objectsSkipped: 4 });
    const upload = await ingest(db, [...fixtureFiles, trapsFile], 'UPLOAD');
    // Another source: already-read bytes are recognised by their content hash.
    expect(upload).toMatchObject({ stored: 0, objectsSkipped: 4 });
    expect(await snapshot()).toEqual(before);
  });
});
