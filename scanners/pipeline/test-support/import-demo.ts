/** Tests only: the bundled demo organisation imported offline into a new test database. */
import path from 'node:path';
import { expect } from 'vitest';
import type { AppDatabase } from '../../../db/client';
import { createTestDatabase } from '../../../db/test-database';
import { runScan } from '../run-scan';

/** The demo organisation's files (`demo/org`), as `npm run cli -- scan --from` reads them. */
export const DEMO_ORGANIZATION = path.join(process.cwd(), 'demo', 'org');

/** Imports the demo organisation offline into a new test database; the import must complete. */
export async function importDemoOrganization(): Promise<{ database: AppDatabase; scanId: number }> {
  const database = createTestDatabase();
  const outcome = await runScan(database, { kind: 'offline', directory: DEMO_ORGANIZATION }, { trigger: 'cli', requestedBy: 'test' });
  expect(outcome.status).toBe('complete');
  return { database, scanId: outcome.scanId };
}
