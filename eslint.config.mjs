import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * Import directions (STYLE.md): app -> components, lib, db; scanners -> db, lib; lib/analysis is
 * pure (no Next.js, React, database or AWS SDK); nothing but tests imports the AGPL oracle.
 */
const agplOracle = {
  group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-expand', '@cloud-copilot/iam-lens'],
  message: 'AGPL: allowed only as a test oracle in *.test.ts files and benchmarks.',
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-*/**', 'bench/out/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'demo/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [agplOracle] }],
    },
  },
  {
    files: ['lib/analysis/**/*.ts'],
    ignores: ['lib/analysis/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            agplOracle,
            { group: ['next', 'next/*', 'react', 'react-dom', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', '@aws-sdk/*'], message: 'lib/analysis is pure: no framework, database or AWS SDK.' },
            { group: ['**/db/**', '**/db', '**/scanners/**', '**/app/**', '**/components/**', '@/db/*', '@/scanners/*', '@/app/*', '@/components/*'], message: 'lib/analysis imports nothing of ours but its own modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'lib/**/*.ts', 'db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [agplOracle, { group: ['**/scanners/**', '@/scanners/*'], message: 'scanners/ is never imported by app, components, lib or db.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
