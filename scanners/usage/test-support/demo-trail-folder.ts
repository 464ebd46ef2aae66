/**
 * Tests only: the demo organisation with a trail of its own, and what the trail-reading paths
 * (offline folder, LookupEvents, S3) must agree on. demo/org/cloudtrail/ is written by whoever
 * prepares the demo, so a test must not count on it (nor race another test rewriting it).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppDatabase } from '../../../db/client';
import { createTestDatabase } from '../../../db/test-database';
import { writeDemoActivity } from '../../../scripts/demo-usage/write-demo-activity';
import { importTrailFiles } from '../import-trail-files';
import { startTestScan } from './trail-fixtures';

/** A fresh temporary copy of demo/org without its trail, with `days` days of demo activity ending two days ago. */
export function copyDemoOrganizationWithActivity(folderPrefix: string, days: number): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  cpSync(path.resolve('demo/org'), directory, { recursive: true, filter: (source) => !source.includes(`${path.sep}cloudtrail`) });
  writeDemoActivity(directory, new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), { days });
  return directory;
}

/** The offline import of the folder's trail files into a fresh database: the reference the other paths must equal. */
export async function importOfflineReference(directory: string) {
  const database = createTestDatabase();
  const outcome = await importTrailFiles(database, startTestScan(database), path.join(directory, 'cloudtrail'));
  return { database, outcome };
}

/** Every stored column of usage_daily, in key order. */
export function usageAggregates(database: AppDatabase): unknown[] {
  return database.$client.prepare('SELECT bucket_key, account_id, principal_arn, action, model_id, region, day, caller_kind, caller_name, caller_user_id, caller_basis, unattributed_reason, credential, is_standing_credential, calls, denied_calls, last_call_at, last_denied_at FROM usage_daily ORDER BY bucket_key').all();
}

/** The ledger of trail files read, in key order. */
export function usageFileLedger(database: AppDatabase): unknown[] {
  return database.$client.prepare('SELECT file_key, size_bytes, bedrock_events FROM usage_files ORDER BY file_key').all();
}
