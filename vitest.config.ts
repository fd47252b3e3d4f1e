import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: { '@': path.resolve(import.meta.dirname) },
    conditions: ['react-server'],
  },
  // Server-side modules (and `import 'server-only'`) resolve like under `node --conditions=react-server`.
  ssr: { resolve: { conditions: ['react-server', 'module', 'node', 'development|production'] } },
  test: {
    include: ['lib/**/*.test.ts', 'test/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
