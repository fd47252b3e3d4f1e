// `npm run demo`: the portal in demo mode on embedded defaults: PGlite under ./.data, the sandbox AWS emulator
// in-process, development sign-in with the seeded personas. On first start it builds, migrates, seeds and
// bootstraps the demo estate in the sandbox through the AWS SDK; restarts keep the data.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  // An internal portal phones nowhere.
  NEXT_TELEMETRY_DISABLED: '1',
  PORTAL_DEMO: '1',
  PORTAL_SANDBOX: process.env.PORTAL_SANDBOX ?? '1',
  PORT: port,
  // Progress lines go to the terminal; structured logs only for warnings unless asked for.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};

ensureBuild();
const host = process.env.HOST ?? '127.0.0.1';
console.log(`Starting Bedrock Access Portal (demo) on http://localhost:${port} …`);
const child = spawn('npx', ['next', 'start', '-p', port, '-H', host], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
