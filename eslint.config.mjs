import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * Import directions (STYLE.md, README "How the parts fit"):
 *   app -> server, components, db, lib      components -> lib (and db types)      server -> db, lib
 *   scanners -> db, lib                     db -> lib only                        lib -> lib only
 * lib/ is pure: no Next.js, React, server-only, database driver or AWS SDK; components/ui has no data
 * access; nothing outside scanners/ (and scripts/, bench/, tests) imports scanners/; nothing but tests
 * and benchmarks imports the AGPL oracle. Each rule below lists the whole set for its folder, because a
 * later `no-restricted-imports` entry replaces an earlier one rather than adding to it.
 */
const agplOracle = {
  group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-expand', '@cloud-copilot/iam-lens'],
  message: 'AGPL: allowed only as a test oracle in *.test.ts files and benchmarks.',
};

/** `@/x/...` and any relative path into a top-level folder x. */
const ours = (...folders) => folders.flatMap((folder) => [`@/${folder}`, `@/${folder}/*`, `**/${folder}`, `**/${folder}/**`]);

const noScanners = { group: ours('scanners'), message: 'scanners/ is never imported by app, components, server, lib or db.' };
const frameworks = ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'server-only'];
const dataAccess = ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', '@aws-sdk/*'];

const restrict = (...patterns) => ['error', { patterns: [agplOracle, ...patterns] }];

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
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noScanners) },
  },
  {
    files: ['components/ui/**/*.ts', 'components/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict(
        { group: [...ours('db', 'server', 'app', 'scanners'), ...dataAccess], message: 'components/ui is presentation only: no data access (no db, server, scanners, driver or AWS SDK).' },
      ),
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: [...frameworks, ...dataAccess], message: 'lib/ is pure: no Next.js, React, server-only, database driver or AWS SDK (STYLE.md).' },
        { group: ours('db', 'server', 'app', 'components', 'scanners', 'scripts', 'bench', 'e2e'), message: 'lib/ imports nothing of ours but lib/ (pass the data in; db/ and server/ call lib/, never the reverse).' },
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: [...frameworks, '@aws-sdk/*'], message: 'db/ reads facts and writes plans: no Next.js, React or AWS SDK.' },
        { group: ours('server', 'app', 'components', 'scanners', 'scripts', 'bench', 'e2e'), message: 'db/ imports lib/ only (and its own modules).' },
      ),
    },
  },
  {
    files: ['scanners/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: [...frameworks, ...ours('server', 'app', 'components')], message: 'scanners/ import db/ and lib/, never the web app.' },
      ),
    },
  },
  {
    // Test support is test code: it may build fixtures from generators in scripts/.
    files: ['**/*.test.ts', '**/test-support/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
