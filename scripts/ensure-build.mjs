// Builds the Next app unless .next is newer than every source file. Shared by `npm run demo` and the e2e server,
// so `npm test` builds what it needs and a fresh clone works with no separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'prisma/schema.prisma',
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'generated' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

export function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > newest) return;
  console.log(
    built
      ? 'Sources changed since the last build: rebuilding…'
      : 'First start: building the portal (about a minute)…',
  );
  const res = spawnSync('npx', ['next', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
