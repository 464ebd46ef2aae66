import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'scanners/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The audit chain's HMAC key for tests (db/audit-key.ts); production keys come from the environment or a key file.
    env: { BAR_AUDIT_KEY: 'vitest-audit-key-not-for-production-0000000000000000' },
  },
});
