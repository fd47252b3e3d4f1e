import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: { '@': path.resolve(import.meta.dirname) },
    conditions: ['react-server'],
  },
  // Server-side modules (and `import 'server-only'`) resolve like under `node --conditions=react-server`.
  // No 'module' condition: it picks the AWS SDK's dist-es build, whose extensionless imports Node cannot load.
  ssr: { resolve: { conditions: ['react-server', 'node', 'development|production'] } },
  test: {
    include: ['lib/**/*.test.ts', 'test/**/*.test.ts', 'cli/**/*.test.ts', 'sandbox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
