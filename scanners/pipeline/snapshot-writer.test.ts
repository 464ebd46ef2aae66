import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../db/client';
import { runScan } from './run-scan';
import { recordAccountOutcome } from './persist-snapshot';
import { threadedSnapshotWriter } from './snapshot-writer';

const DEMO = path.join(process.cwd(), 'demo', 'org');
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-writer-'));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

/** Every row of the snapshot tables, ids included, in id order. */
function snapshotRows(database: AppDatabase): Record<string, unknown[]> {
  const tables = ['principals', 'entitlements', 'grants', 'action_lists', 'sod_conflicts', 'policies', 'policy_documents', 'scan_accounts'];
  const order: Record<string, string> = { policies: 'scan_id, account_id, arn', policy_documents: 'hash', action_lists: 'hash', scan_accounts: 'scan_id, account_id' };
  return Object.fromEntries(tables.map((table) => [table, database.$client.prepare(`SELECT * FROM ${table} ORDER BY ${order[table] ?? 'id'}`).all()]));
}

const NOW = () => new Date('2026-11-01T00:00:00Z');

describe('the threaded snapshot writer', () => {
  it('writes exactly the rows the single-threaded writer writes, principal by principal', async () => {
    const inline = openDatabase(path.join(directory, 'inline.db'));
    const threaded = openDatabase(path.join(directory, 'threaded.db'));
    const inlineOutcome = await runScan(inline, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test', now: NOW, snapshotWriter: 'inline' });
    const threadedOutcome = await runScan(threaded, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test', now: NOW, snapshotWriter: 'threaded' });
    expect(threadedOutcome.status).toBe(inlineOutcome.status);
    const expected = snapshotRows(inline);
    const actual = snapshotRows(threaded);
    expect(expected.principals.length).toBeGreaterThan(150);
    expect(expected.grants.length).toBeGreaterThan(150);
    for (const table of Object.keys(expected)) {
      expect(actual[table].length, table).toBe(expected[table].length);
      expected[table].forEach((row, index) => expect(actual[table][index], `${table} row ${index}`).toEqual(row));
    }
    inline.$client.close();
    threaded.$client.close();
  });

  it('rejects a batch that cannot be written, rolls it back whole and keeps the batches before it', async () => {
    const database = openDatabase(path.join(directory, 'failing.db'));
    const writer = threadedSnapshotWriter(path.join(directory, 'failing.db'));
    // A grant whose entitlement does not exist breaks the foreign key: the whole batch rolls back.
    const good = recordAccountOutcome(1, { accountId: '111111111111', status: 'failed', error: 'x', durationMs: 0, principals: [], managedPolicies: [] });
    await expect(
      (async () => {
        database.$client.prepare("INSERT INTO scans (id, status, source, trigger, queued_at) VALUES (1, 'running', 'offline', 'cli', '2026-11-01')").run();
        await writer.write(good);
        await writer.write({ operations: [{ statement: 'scanAccount', values: [1, '222222222222', 'ok', null, 0, 0, 0] }, { statement: 'grant', values: [1, 999999, 999999, null, 0, '[]', 0, '[]', '[]', '[]', '[]', 0, 0] }] });
        await writer.finish();
      })(),
    ).rejects.toThrow(/writing the snapshot failed: FOREIGN KEY/);
    await writer.abort();
    const accounts = database.$client.prepare('SELECT account_id FROM scan_accounts ORDER BY account_id').all();
    expect(accounts).toEqual([{ account_id: '111111111111' }]);
    database.$client.close();
  });
});
