import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'bap-teams-cli-'));

/** The real CLI in a subprocess, on its own embedded database (no portal running, no DATABASE_URL). */
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
      {
        cwd: ROOT,
        env: envVars,
      },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run portal -- teams import / export', () => {
  it('imports, prints a summary, exports JSON that re-imports as a no-op, and reports every file problem', async () => {
    const file = path.join(dir, 'teams.json');
    writeFileSync(
      file,
      JSON.stringify({
        payments: {
          costCenter: 'CC-1001',
          principals: ['arn:aws:iam::200000000331:role/genai/payments-prod-invoker'],
          accounts: ['200000000331'],
          vpcs: ['vpc-6269e0d37f2a74de4'],
        },
      }),
    );
    const imported = await portal('teams', 'import', file, '--effective', '2026-01-01');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Changed: 4 created, 0 updated, 0 moved, 0 pruned.');

    const exported = await portal('teams', 'export');
    expect(exported.code).toBe(0);
    const json = JSON.parse(exported.stdout) as Record<string, { costCenter: string; principals: string[] }>;
    expect(json.payments).toMatchObject({
      costCenter: 'CC-1001',
      principals: ['arn:aws:iam::200000000331:role/genai/payments-prod-invoker'],
    });

    const exportFile = path.join(dir, 'export.json');
    writeFileSync(exportFile, exported.stdout);
    const again = await portal('teams', 'import', exportFile, '--prune');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes');

    writeFileSync(
      file,
      JSON.stringify({ payments: { principals: ['arn:aws:iam::1:role/x'], accounts: ['abc'] } }),
    );
    const bad = await portal('teams', 'import', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('payments.principals.0: must be an IAM role ARN');
    expect(bad.stderr).toContain('payments.accounts.0.accountId: must be a 12-digit AWS account id');
  }, 120_000);

  it('refuses a principal of another partition on import and on --dry-run, naming the row and the partition', async () => {
    const file = path.join(dir, 'teams-cn.json');
    writeFileSync(
      file,
      JSON.stringify({
        payments: {
          principals: [
            'arn:aws:iam::200000000331:role/genai/payments-prod-invoker',
            'arn:aws-cn:iam::200000000331:role/payments-cn',
          ],
          accounts: ['200000000331'],
        },
        search: {
          principals: ['arn:aws-us-gov:iam::200111111951:role/search-gov'],
          accounts: ['200111111951'],
        },
      }),
    );
    for (const args of [['--dry-run'], []]) {
      const r = await portal('teams', 'import', file, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'payments.principals.1: is in partition aws-cn, but the estate is in partition aws',
      );
      expect(r.stderr).toContain('search.principals.0: is in partition aws-us-gov');
      expect(r.stdout).not.toContain('Changed:');
    }
  }, 120_000);
});
