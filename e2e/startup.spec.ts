import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from './ports';

/**
 * Start-up safety: `npm start` outside demo mode refuses to run without its configuration and names what is
 * missing; and development sign-in is not reachable outside demo mode without the explicit flag.
 */
const root = path.resolve(import.meta.dirname, '..');

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  // Only what a shell needs: none of the portal's variables leak in from the test runner.
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORTAL_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  };
}

function startPortal(env: NodeJS.ProcessEnv, port: number) {
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test('npm start without OIDC and AWS configuration refuses to start and names the missing variables', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bap-start-'));
  try {
    const portal = startPortal(baseEnv(dataDir), await freePort());
    const code = await Promise.race([
      portal.exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 45_000)),
    ]);
    if (code === 'timeout') process.kill(-portal.child.pid!, 'SIGKILL');
    expect(code).not.toBe('timeout');
    expect(code).not.toBe(0);
    for (const name of [
      'NEXTAUTH_SECRET',
      'NEXTAUTH_URL',
      'OIDC_ISSUER',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'PORTAL_NETWORK_ROLE_ARN',
      'PORTAL_GENAI_ROLE_ARN',
    ]) {
      expect(portal.output()).toContain(name);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('outside demo mode, development sign-in is off unless explicitly enabled', async ({ request }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bap-start-'));
  const port = await freePort();
  const env = {
    ...baseEnv(dataDir),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: 'a-test-secret-that-is-long-enough',
    OIDC_ISSUER: 'http://127.0.0.1:4799',
    OIDC_CLIENT_ID: 'portal',
    OIDC_CLIENT_SECRET: 'not-a-real-secret',
    PORTAL_AWS_ENDPOINT: 'http://127.0.0.1:9',
  };
  const portal = startPortal(env, port);
  try {
    await expect
      .poll(
        async () =>
          (await request.get(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status() ?? 0,
        { timeout: 45_000 },
      )
      .toBe(200);
    const providers = await (await request.get(`http://127.0.0.1:${port}/api/auth/providers`)).json();
    expect(Object.keys(providers)).toEqual(['oidc']);
    // The credentials endpoint for personas does not exist.
    const csrf = await (await request.get(`http://127.0.0.1:${port}/api/auth/csrf`)).json();
    const attempt = await request.post(`http://127.0.0.1:${port}/api/auth/callback/dev`, {
      form: { csrfToken: csrf.csrfToken, email: 'ari.admin@example.com', json: 'true' },
      maxRedirects: 0,
    });
    expect(attempt.status()).not.toBe(200);
    const session = await (await request.get(`http://127.0.0.1:${port}/api/auth/session`)).json();
    expect(session).toEqual({});
  } finally {
    process.kill(-portal.child.pid!, 'SIGTERM');
    await portal.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
