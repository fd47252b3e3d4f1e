// The server Playwright starts: a fresh demo portal on its own port and data directory, with development sign-in
// and an OIDC provider configured (the OIDC test starts a local OpenID provider at OIDC_ISSUER itself).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBuild } from './ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT ?? '3100';
const dataDir = path.join(root, '.data', 'e2e');
rmSync(dataDir, { recursive: true, force: true });

ensureBuild();
const env = {
  ...process.env,
  // An internal portal phones nowhere.
  NEXT_TELEMETRY_DISABLED: '1',
  PORTAL_DEMO: '1',
  // The specs start from an estate with no grants and an empty queue, and create what they need themselves.
  PORTAL_DEMO_SKIP_REQUESTS: '1',
  PORTAL_SANDBOX: '1',
  PORTAL_SANDBOX_PORT: process.env.E2E_SANDBOX_PORT ?? '4699',
  PORTAL_DATA_DIR: dataDir,
  PORT: port,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  OIDC_ISSUER: process.env.E2E_OIDC_ISSUER ?? 'http://127.0.0.1:4700',
  OIDC_CLIENT_ID: 'bedrock-access-portal',
  OIDC_CLIENT_SECRET: 'e2e-client-secret-not-a-real-secret',
  OIDC_DISPLAY_NAME: 'Example SSO',
  OIDC_SCOPE: 'openid email profile groups',
  OIDC_ROLE_MAP: JSON.stringify({
    'genai-approvers': 'approver',
    finops: 'finance',
    'portal-admins': 'admin',
  }),
  LOG_LEVEL: 'warn',
};
const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
