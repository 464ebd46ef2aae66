import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client';
import { scans } from '../../../db/schema';
import type { CloudTrailRecord } from '../../../lib/usage/cloudtrail-record';

/** Writes a trail file where an organisation trail puts it, gzipped like CloudTrail does. */
export function writeTrailFile(root: string, account: string, region: string, stamp: string, records: CloudTrailRecord[], options: { gzip?: boolean; suffix?: string } = {}): string {
  const day = `${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}`;
  const folder = path.join(root, 'AWSLogs', 'o-exampleorgid', account, 'CloudTrail', region, day);
  mkdirSync(folder, { recursive: true });
  const gzip = options.gzip ?? true;
  const name = `${account}_CloudTrail_${region}_${stamp}_${options.suffix ?? 'EXAMPLEa1b2c3'}.json${gzip ? '.gz' : ''}`;
  const text = JSON.stringify({ Records: records });
  writeFileSync(path.join(folder, name), gzip ? gzipSync(text) : text);
  return path.join(folder, name);
}

/** A running scan row to import into; `publish` marks it like `publishScan` does. */
export function startTestScan(database: AppDatabase): number {
  return database.insert(scans).values({ status: 'running', source: 'offline', trigger: 'cli', queuedAt: new Date(0).toISOString() }).returning({ id: scans.id }).get().id;
}

export function publishTestScan(database: AppDatabase, scanId: number): void {
  database.update(scans).set({ status: 'complete', isPublished: true, finishedAt: new Date(0).toISOString() }).where(eq(scans.id, scanId)).run();
}
