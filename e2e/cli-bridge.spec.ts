import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from './ports';

/**
 * Only one process ever opens the embedded database. With the portal running on PGlite, the CLI reaches the data
 * through the portal; with the portal stopped, the CLI opens the database itself. Same commands, same results.
 */
const root = path.resolve(import.meta.dirname, '..');

function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORTAL_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  };
  return env; // no DATABASE_URL: the embedded database
}

function cli(dataDir: string, args: string[]) {
  const res = spawnSync('npx', ['tsx', '--conditions=react-server', 'cli/portal.ts', ...args], {
    cwd: root,
    env: cliEnv(dataDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

test('the CLI works through a running portal on the embedded database, and on its own when the portal is stopped', async ({
  request,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bap-cli-'));
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const portal = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    // Own process group: npx starts next-server as a child, and the whole group must go when the test ends.
    detached: true,
    env: {
      ...cliEnv(dataDir),
      PORTAL_DEMO: '1',
      PORTAL_SANDBOX: '1',
      PORTAL_SANDBOX_PORT: String(sandboxPort),
      PORT: String(port),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
  const exited = new Promise((resolve) => portal.on('exit', resolve));
  try {
    await expect
      .poll(
        async () =>
          (await request.get(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status() ?? 0,
        { timeout: 120_000 },
      )
      .toBe(200);

    const teamsFile = path.join(dataDir, 'teams.json');
    writeFileSync(
      teamsFile,
      JSON.stringify({
        'fraud-ml': {
          name: 'Fraud ML',
          costCenter: 'CC-5001',
          accounts: ['200555555555'],
          principals: ['arn:aws:iam::200555555555:role/ml/fraud-invoker'],
        },
      }),
    );
    const imported = cli(dataDir, ['teams', 'import', teamsFile]);
    expect(imported.stderr + imported.stdout).toContain('fraud-ml');
    expect(imported.code).toBe(0);

    const exported = cli(dataDir, ['teams', 'export']);
    expect(exported.code).toBe(0);
    const teams = JSON.parse(exported.stdout);
    expect(Object.keys(teams)).toEqual(expect.arrayContaining(['payments', 'search', 'fraud-ml']));
    expect(teams['fraud-ml'].principals).toEqual(['arn:aws:iam::200555555555:role/ml/fraud-invoker']);
  } finally {
    process.kill(-portal.pid!, 'SIGTERM');
    await exited;
  }

  // Portal stopped: the CLI opens the embedded database itself and sees the same data.
  const offline = cli(dataDir, ['teams', 'export']);
  expect(offline.code).toBe(0);
  expect(Object.keys(JSON.parse(offline.stdout))).toContain('fraud-ml');
  rmSync(dataDir, { recursive: true, force: true });
});
