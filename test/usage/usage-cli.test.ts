import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureTeams, fixturesDir } from './usage-test-world';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'bap-usage-cli-'));

/** The real CLI in a subprocess, on its own embedded database. */
async function portal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const envVars = {
    ...process.env,
    PORTAL_DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: '',
    TEST_DATABASE_URL: '',
    LOG_LEVEL: 'silent',
  };
  try {
    const r = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'cli/portal.ts', ...args],
      { cwd: ROOT, env: envVars },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const traps = path.join(fixturesDir, 'traps/traps-crlf-bom.log');

describe('npm run portal -- usage ingest / report', () => {
  it('ingests, reports exact rows in JSON and CSV, honours --from/--to, and exits 1 only for unreadable files', async () => {
    const teamsFile = path.join(dir, 'teams.json');
    writeFileSync(
      teamsFile,
      JSON.stringify(
        Object.fromEntries(
          Object.entries(fixtureTeams()).map(([slug, t]) => [slug, { costCenter: `cc-${slug}`, ...t }]),
        ),
      ),
    );
    expect((await portal('teams', 'import', teamsFile)).code).toBe(0);

    const first = await portal('usage', 'ingest', traps);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/stored\s+7/);
    expect(first.stdout).toMatch(/malformed\s+2/);

    const again = await portal('usage', 'ingest', traps);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/stored\s+0/);

    const json = await portal('usage', 'report', '--group-by', 'team,model', '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        team: '-',
        model: '-',
        requests: 1,
        allowed: 1,
        denied: 0,
        errors5xx: 0,
        bytesReceived: 100,
        bytesSent: 1000,
      },
      {
        team: '-',
        model: 'amazon.nova-lite-v1:0',
        requests: 1,
        allowed: 0,
        denied: 1,
        errors5xx: 0,
        bytesReceived: 100,
        bytesSent: 1000,
      },
      {
        team: 'payments',
        model: 'amazon.nova-lite-v1:0',
        requests: 4,
        allowed: 4,
        denied: 0,
        errors5xx: 1,
        bytesReceived: 400,
        bytesSent: 3000,
      },
      {
        team: 'payments',
        model: 'anthropic.claude-3-haiku-20240307-v1:0',
        requests: 1,
        allowed: 0,
        denied: 1,
        errors5xx: 0,
        bytesReceived: 100,
        bytesSent: 0,
      },
    ]);

    const csv = await portal('usage', 'report', '--group-by', 'team', '--format', 'csv');
    expect(csv.stdout).toBe(
      'team,requests,allowed,denied,errors5xx,bytesReceived,bytesSent\r\n-,2,1,1,0,200,2000\r\npayments,5,4,1,1,500,3000\r\n',
    );

    // Every record starts at 10:15:00: --from inclusive, --to exclusive, even inside an hour.
    const inside = await portal(
      'usage',
      'report',
      '--group-by',
      'team',
      '--from',
      '2026-11-02T10:15:00Z',
      '--to',
      '2026-11-02T10:15:01Z',
    );
    expect(JSON.parse(inside.stdout).map((r: { requests: number }) => r.requests)).toEqual([2, 5]);
    const after = await portal('usage', 'report', '--group-by', 'team', '--from', '2026-11-02T10:15:01Z');
    expect(JSON.parse(after.stdout)).toEqual([]);
    const before = await portal('usage', 'report', '--group-by', 'team', '--to', '2026-11-02T10:15:00Z');
    expect(JSON.parse(before.stdout)).toEqual([]);

    const missing = await portal('usage', 'ingest', traps, path.join(dir, 'nope.log'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.log');
    // Ten CLI processes, each opening the embedded database: minutes on a loaded 2-core machine.
  }, 180_000);
});
