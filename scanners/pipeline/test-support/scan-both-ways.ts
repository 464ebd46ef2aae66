/** Tests only: the same organisation imported offline and scanned live, each into its own database. */
import { expect } from 'vitest';
import type { AppDatabase } from '../../../db/client';
import { createTestDatabase } from '../../../db/test-database';
import type { LiveScanConfig } from '../../live/config';
import { runScan } from '../run-scan';

/** Imports `directory` offline and scans `live` (a local endpoint serving the same files); both must complete. */
export async function scanOfflineAndLive(directory: string, live: LiveScanConfig): Promise<{ offlineDatabase: AppDatabase; liveDatabase: AppDatabase }> {
  const offlineDatabase = createTestDatabase();
  const offline = await runScan(offlineDatabase, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test' });
  const liveDatabase = createTestDatabase();
  const scanned = await runScan(liveDatabase, { kind: 'live', config: live }, { trigger: 'cli', requestedBy: 'test' });
  expect(offline.status).toBe('complete');
  expect(scanned.status).toBe('complete');
  return { offlineDatabase, liveDatabase };
}
