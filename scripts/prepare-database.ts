import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../db/client';
import { seedDemoUsers } from '../scanners/commands/users';
import { runScan } from '../scanners/pipeline/run-scan';

export const DEMO_ORGANIZATION_DIRECTORY = path.join(process.cwd(), 'demo', 'org');

/**
 * A database with the demo personas and one snapshot of the demo organisation, imported through
 * the same offline scanner as `npm run cli -- scan --from demo/org`.
 */
export async function prepareDemoDatabase(databasePath: string, options: { isFresh: boolean }): Promise<AppDatabase> {
  if (options.isFresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  const database = openDatabase(databasePath);
  seedDemoUsers(database);
  const hasSnapshot = database.$client.prepare('SELECT 1 FROM scans WHERE is_published = 1 LIMIT 1').get();
  if (!hasSnapshot) {
    const outcome = await runScan(database, { kind: 'offline', directory: DEMO_ORGANIZATION_DIRECTORY }, { trigger: 'demo', requestedBy: 'demo' });
    console.log(`Imported the demo organisation: scan ${outcome.scanId} ${outcome.status}, ${outcome.bedrockPrincipalCount} principals hold Bedrock access.`);
  }
  return database;
}
