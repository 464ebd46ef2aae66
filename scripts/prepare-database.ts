import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../db/client';
import { seedDemoUsers } from '../scanners/commands/users';
import { runScan, type ScanSource } from '../scanners/pipeline/run-scan';
import { lastFullDay, writeDemoActivity } from './demo-usage/write-demo-activity';
import { seedDemoHistory } from './demo-history';

export const DEMO_ORGANIZATION_DIRECTORY = path.join(process.cwd(), 'demo', 'org');

/**
 * A database with the demo personas and one snapshot of the demo organisation: by default imported
 * through the same offline scanner as `npm run cli -- scan --from demo/org`; with `source` a live
 * scan (the journey e2e server scans the local AWS endpoint, so its accounts are live ones and
 * revocations really execute).
 */
export async function prepareDemoDatabase(databasePath: string, options: { isFresh: boolean; source?: ScanSource; withHistory?: boolean; now?: Date }): Promise<AppDatabase> {
  // A demo database is audited like any other: its chain is keyed with the demo key file beside
  // the database (db/audit-key.ts), which only demo mode creates.
  process.env.DEMO_MODE = 'true';
  if (options.isFresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  const database = openDatabase(databasePath);
  seedDemoUsers(database);
  const hasSnapshot = database.$client.prepare('SELECT 1 FROM scans WHERE is_published = 1 LIMIT 1').get();
  // 90 days of Bedrock activity up to yesterday, under demo/org/cloudtrail/ (generated, not committed).
  writeDemoActivity(DEMO_ORGANIZATION_DIRECTORY, lastFullDay(new Date()));
  if (!hasSnapshot && options.withHistory && !options.source) {
    // `npm run demo`: a quarter of history (scripts/demo-history.ts); the e2e servers start without it.
    const history = await seedDemoHistory(database, { orgDirectory: DEMO_ORGANIZATION_DIRECTORY, now: options.now ?? new Date() });
    console.log(`Imported the demo organisation with 90 days of history: snapshots ${history.scanIds.join(', ')}, revocations ${JSON.stringify(history.revocationsByStatus)}.`);
  } else if (!hasSnapshot) {
    const source = options.source ?? { kind: 'offline', directory: DEMO_ORGANIZATION_DIRECTORY };
    const outcome = await runScan(database, source, { trigger: 'demo', requestedBy: 'demo' });
    if (outcome.status === 'failed') throw new Error(`The ${source.kind} scan of the demo organisation failed: ${outcome.problems.join('; ')}`);
    console.log(`${source.kind === 'offline' ? 'Imported' : 'Scanned (live)'} the demo organisation: scan ${outcome.scanId} ${outcome.status}, ${outcome.bedrockPrincipalCount} principals hold Bedrock access.`);
  }
  return database;
}
