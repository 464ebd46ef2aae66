import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { accumulateRecords } from '../../lib/usage/accumulate-records';
import { UsageAccumulator } from '../../lib/usage/accumulate-usage';
import { SessionOriginIndex } from '../../lib/usage/session-origins';
import { importTrailFiles } from './import-trail-files';
import { listTrailFiles } from './list-trail-files';
import { decompressTrailBytes, parseTrailText } from './parse-trail-file';
import { storedBucketKey } from './persist-usage';
import { generateTrail } from './test-support/generate-trail';
import { startTestScan } from './test-support/trail-fixtures';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'usage-parallel-'));
  generateTrail(root, 20261207, 240, { damagedEvery: 37 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Row = Record<string, string | number | null>;

/** The one-file-at-a-time reading that the parallel import replaced, aggregated the same way. */
async function referenceAggregates(): Promise<{ rows: Row[]; sources: Row[]; events: number; failed: number }> {
  const sessions = new SessionOriginIndex();
  const total = new UsageAccumulator();
  let failed = 0;
  for (const entry of await listTrailFiles(root)) {
    let records;
    try {
      records = parseTrailText(entry.key, decompressTrailBytes(entry.key, readFileSync(entry.file)));
    } catch {
      failed += 1;
      continue;
    }
    const file = new UsageAccumulator();
    accumulateRecords(records, sessions, file);
    total.merge(file);
  }
  const rows = [...total.buckets.values()].map((bucket) => ({
    bucket_key: storedBucketKey(bucket.bucketKey),
    caller_kind: bucket.callerKind,
    caller_name: bucket.callerName,
    caller_basis: bucket.callerBasis,
    calls: bucket.calls,
    denied_calls: bucket.deniedCalls,
    last_call_at: bucket.lastCallAt,
    last_denied_at: bucket.lastDeniedAt,
  }));
  rows.sort((a, b) => (a.bucket_key < b.bucket_key ? -1 : 1));
  const sources = [...total.standingSources.values()].map((source) => ({ principal_arn: source.principalArn, source_address: source.sourceAddress, calls: source.calls, last_call_at: source.lastCallAt }));
  sources.sort((a, b) => (a.principal_arn + a.source_address < b.principal_arn + b.source_address ? -1 : 1));
  return { rows, sources, events: total.events, failed };
}

async function importedAggregates(workers: number) {
  const database = createTestDatabase();
  const scanId = startTestScan(database);
  const outcome = await importTrailFiles(database, scanId, root, { workers, batchFiles: 17 });
  const rows = database.$client.prepare('SELECT bucket_key, caller_kind, caller_name, caller_basis, calls, denied_calls, last_call_at, last_denied_at FROM usage_daily ORDER BY bucket_key').all() as Row[];
  const sources = database.$client.prepare("SELECT principal_arn, source_address, calls, last_call_at FROM usage_standing_sources ORDER BY principal_arn || source_address").all() as Row[];
  return { rows, sources, outcome };
}

describe('importTrailFiles on worker threads', () => {
  it('gives exactly the aggregates of the one-file-at-a-time reading, chains across files included', async () => {
    const reference = await referenceAggregates();
    // The generated set exercises what the split must get right.
    expect(reference.rows.some((row) => row.caller_basis === 'role-chain')).toBe(true);
    expect(reference.rows.some((row) => row.caller_basis === 'oidc-subject')).toBe(true);
    expect(reference.rows.some((row) => row.caller_kind === 'unattributed')).toBe(true);
    expect(reference.failed).toBeGreaterThan(0);
    expect(reference.sources.length).toBeGreaterThan(0);

    for (const workers of [0, 2]) {
      const { rows, sources, outcome } = await importedAggregates(workers);
      expect(rows).toEqual(reference.rows);
      expect(sources).toEqual(reference.sources);
      expect(outcome.bedrockEvents).toBe(reference.events);
      expect(outcome.filesFailed).toBe(reference.failed);
    }
  }, 120_000);
});
