import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      '.ci-data/**',
      'lib/generated/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Env is validated once in lib/env.ts; nothing else in the product reads process.env.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts' },
      ],
    },
  },
  {
    // Thin transport: routes and components reach the database and AWS only through lib/<domain> operations.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db', '@/lib/db/*', '@/lib/generated/*'],
              message: 'Call a lib/<domain> operation instead of Prisma',
            },
            {
              group: ['@/lib/aws/*', '@aws-sdk/*'],
              message: 'Call a lib/<domain> operation instead of the AWS layer',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code never depends on the UI or on Next, nor on the sandbox (lib/aws sees only an endpoint).
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/boot/sandbox-seam.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'next', 'next/*', '@tanstack/*'],
              message: 'lib/ is free of React and Next',
            },
            { group: ['@/app/*', '@/components/*'], message: 'lib/ never imports from app/ or components/' },
            {
              group: ['@/sandbox', '@/sandbox/*', '**/sandbox/*'],
              message: 'lib/ reaches the sandbox only through lib/boot/sandbox-seam.ts',
            },
          ],
        },
      ],
    },
  },
  {
    // The start-up seam: the one file of lib/ that imports the sandbox package.
    files: ['lib/boot/sandbox-seam.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'next', 'next/*', '@tanstack/*'],
              message: 'lib/ is free of React and Next',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox is its own package: it imports nothing from the portal (facts and the world arrive as data).
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/*', '**/lib/*', '**/lib', '**/app/*', '**/components/*'],
              message:
                'sandbox/ imports nothing from the portal: receive what you need through start options',
            },
          ],
        },
      ],
    },
  },
);
