/**
 * Damaged CloudTrail files (truncated, bytes flipped or inserted, gzipped or not, junk) through a
 * whole import into a test database: the import never throws, each refused file is recorded with
 * its name and a code, nothing of a refused file is stored, and a file that still parses is counted
 * exactly (stored calls = what its ledger entry says). Fixed seed; FUZZ_SEED overrides.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { bedrockRecord, iamUser, roleSession } from '../../lib/usage/test-support/records';
import { importTrailFiles } from './import-trail-files';
import { startTestScan, writeTrailFile } from './test-support/trail-fixtures';

const SEED = Number(process.env.FUZZ_SEED ?? 0x7a11_2026);
const DAMAGED_ACCOUNT = '555566667777';

let root: string;
let goodText: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'usage-fuzz-'));
  const records = Array.from({ length: 12 }, (_, index) =>
    bedrockRecord(index % 2 === 0 ? iamUser('bot') : roleSession('AWSReservedSSO_Users_abc', `p${index}@example.com`, { account: DAMAGED_ACCOUNT }), {
      recipientAccountId: DAMAGED_ACCOUNT,
      eventTime: `2026-10-11T21:${String(10 + index).padStart(2, '0')}:00Z`,
      ...(index === 5 ? { errorCode: 'AccessDenied' } : {}),
    }),
  );
  goodText = JSON.stringify({ Records: records });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Damage = { kind: 'truncate'; fraction: number } | { kind: 'flip'; fraction: number; byte: number } | { kind: 'insert'; fraction: number; bytes: number[] } | { kind: 'junk'; bytes: number[] };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('junk' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }) }),
);

function applyDamage(bytes: Buffer, change: Damage): Buffer {
  const at = change.kind === 'junk' ? 0 : Math.min(bytes.length - 1, Math.floor(change.fraction * bytes.length));
  switch (change.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const copy = Buffer.from(bytes);
      copy[at] = change.byte;
      return copy;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(change.bytes), bytes.subarray(at)]);
    case 'junk':
      return Buffer.from(change.bytes);
  }
}

describe('damaged trail files', () => {
  it('are refused whole with a named error, or counted exactly; never half-stored', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(damage, fc.boolean(), async (change, isGzip) => {
        run += 1;
        const folder = path.join(root, `run-${run}`);
        const database = createTestDatabase();
        writeTrailFile(folder, '111122223333', 'us-east-1', '20261011T2155Z', [bedrockRecord(iamUser('Alice'))]);
        const damagedPath = path.join(folder, 'damaged.json' + (isGzip ? '.gz' : ''));
        const good = isGzip ? gzipSync(goodText) : Buffer.from(goodText);
        writeFileSync(damagedPath, applyDamage(good, change));
        const scanId = startTestScan(database);
        const outcome = await importTrailFiles(database, scanId, folder);
        const stored = database.$client.prepare(`SELECT coalesce(sum(calls + denied_calls), 0) AS n FROM usage_daily WHERE account_id = ?`).get(DAMAGED_ACCOUNT) as { n: number };
        const ledger = database.$client.prepare(`SELECT bedrock_events AS n FROM usage_files WHERE file_key LIKE 'damaged.json%'`).get() as { n: number } | undefined;
        const errors = database.$client.prepare(`SELECT file, code, message FROM usage_file_errors`).all() as Array<{ file: string; code: string; message: string }>;
        // The good file next to it is always imported.
        expect(database.$client.prepare(`SELECT sum(calls) AS n FROM usage_daily WHERE account_id = '111122223333' AND caller_name = 'Alice'`).get()).toEqual({ n: 1 });
        if (ledger === undefined) {
          expect(errors).toHaveLength(1);
          expect(errors[0]?.file.startsWith('damaged.json')).toBe(true);
          expect(errors[0]?.message.length).toBeGreaterThan(0);
          expect(outcome.problems[0]?.startsWith('damaged.json')).toBe(true);
          expect(stored.n).toBe(0);
        } else {
          expect(errors).toHaveLength(0);
          expect(stored.n).toBe(ledger.n);
        }
        database.$client.close();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the undamaged file imports all twelve calls (the oracle above is not vacuous)', async () => {
    const folder = path.join(root, 'clean');
    const database = createTestDatabase();
    writeTrailFile(folder, DAMAGED_ACCOUNT, 'us-east-1', '20261011T2155Z', JSON.parse(goodText).Records);
    await importTrailFiles(database, startTestScan(database), folder);
    expect(database.$client.prepare(`SELECT sum(calls) AS calls, sum(denied_calls) AS denied FROM usage_daily WHERE account_id = ?`).get(DAMAGED_ACCOUNT)).toEqual({ calls: 11, denied: 1 });
  });
});
