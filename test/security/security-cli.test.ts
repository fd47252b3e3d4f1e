import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'bap-security-cli-'));
const dataDir = path.join(dir, 'data');

/** The real CLI in a subprocess, on its own embedded database. */
async function portal(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const envVars = {
    ...process.env,
    PORTAL_DATA_DIR: dataDir,
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

describe('security CLI: users list, token create, audit verify', () => {
  it('lists people as JSON, prints only a token (audited, stored hashed), and names a tampered audit event', async () => {
    expect((await portal('db', 'seed')).code).toBe(0);

    const listed = await portal('users', 'list', '--format', 'json');
    expect(listed.code).toBe(0);
    const users = JSON.parse(listed.stdout) as {
      email: string;
      name: string;
      roles: string[];
      teams: { slug: string; role: string }[];
    }[];
    expect(users.find((u) => u.email === 'lena.lead@example.com')).toEqual({
      email: 'lena.lead@example.com',
      name: 'Lena Park',
      roles: [],
      teams: [{ slug: 'payments', role: 'lead' }],
    });
    expect(users.find((u) => u.email === 'ari.admin@example.com')?.roles).toEqual(['admin']);
    for (const u of users) for (const t of u.teams) expect(['lead', 'member']).toContain(t.role);

    const created = await portal('token', 'create', '--user', 'mo.member@example.com');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^bap_[A-Za-z0-9_-]{43}\n$/);
    const token = created.stdout.trim();
    expect((await portal('token', 'create', '--user', 'nobody@example.com')).code).not.toBe(0);

    expect((await portal('audit', 'verify')).code).toBe(0);

    const pg = await PGlite.create(path.join(dataDir, 'pglite'));
    let tamperedId: string;
    try {
      const tokens = await pg.query<{ tokenHash: string; prefix: string }>(
        'SELECT "tokenHash", "prefix" FROM "ApiToken"',
      );
      expect(tokens.rows).toHaveLength(1);
      expect(tokens.rows[0]!.prefix).toBe(token.slice(0, 12));
      expect(JSON.stringify(tokens.rows)).not.toContain(token);
      const events = await pg.query<{ id: string; details: Record<string, unknown> }>(
        `SELECT "id", "details" FROM "AuditEvent" WHERE "action" = 'api-token.create'`,
      );
      expect(events.rows).toHaveLength(1);
      expect(JSON.stringify(events.rows[0]!.details)).not.toContain(token);
      tamperedId = events.rows[0]!.id;
      await pg.query(
        `UPDATE "AuditEvent" SET "details" = '{"owner":"someone-else@example.com"}' WHERE "id" = $1`,
        [tamperedId],
      );
    } finally {
      await pg.close();
    }
    const verify = await portal('audit', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(`BROKEN at event ${tamperedId}`);
    expect(verify.stderr).toContain('altered');
  }, 180_000);
});
