/**
 * Faults around the database: a scanning process killed mid-persist, a database locked by
 * another process, and a full disk. Each test checks what a user would see (the pages' queries,
 * the error message) and that nothing is left half-written (row counts, integrity_check, the
 * audit hash chain), then that the application carries on once the fault is gone.
 *
 * A local AWS endpoint refusing a call in the middle of a revocation is covered by
 * scanners/remediation/remediation.test.ts ("a refused call leaves a clear failed state;
 * rollback restores what was done") and is not repeated here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppDatabase, openDatabase } from '../../db/client';
import { describeDatabaseError } from '../../db/errors';
import { verifyAuditChain } from '../../db/queries/audit';
import { decideItem, decideItems } from '../../db/queries/campaigns/decide';
import { launchCampaign } from '../../db/queries/campaigns/launch';
import { FIXTURE_NOW, seedCampaignFixture } from '../../db/queries/campaigns/test-support/fixtures';
import { listPrincipals, parsePrincipalListQuery } from '../../db/queries/principals';
import { getLatestPublishedScanId } from '../../db/queries/scans';
import { auditLog, campaignItems, decisions, policies, principals, scanAccounts, scans } from '../../db/schema';
import { EMPTY_SCOPE } from '../../lib/campaigns/scope';
import { recoverAbandonedScans } from './persist-snapshot';
import { runScan } from './run-scan';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const DEMO = path.join(REPOSITORY, 'demo', 'org');
const STALLED_SCAN = path.join(__dirname, 'test-support', 'stalled-scan.ts');
const ADMIN = { role: 'admin' as const, email: 'admin@example.com' };

let directory: string;
let databasePath: string;
const opened: AppDatabase[] = [];
const children: ChildProcess[] = [];

beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'faults-'));
  databasePath = path.join(directory, 'app.db');
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const database of opened.splice(0)) if (database.$client.open) database.$client.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A connection to the temp file with the production settings (WAL, busy timeout, migrations). */
function open(): AppDatabase {
  const database = openDatabase(databasePath);
  opened.push(database);
  return database;
}

function spawnChild(args: string[]): { child: ChildProcess; waitFor: (text: string, timeoutMs: number) => Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, args, { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BAR_CONFIG: '' } });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const waitFor = (text: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (output.includes(text)) {
          clearInterval(poll);
          resolve();
        } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
          clearInterval(poll);
          reject(new Error(`child did not print ${text} (exit ${child.exitCode}); output:\n${output.slice(-2000)}`));
        }
      }, 20);
    });
  return { child, waitFor, exited };
}

function integrity(database: AppDatabase): string {
  return database.$client.pragma('integrity_check', { simple: true }) as string;
}

function rowsOfScan(database: AppDatabase, scanId: number) {
  return {
    principals: database.select({ n: count() }).from(principals).where(eq(principals.scanId, scanId)).get()?.n ?? 0,
    policies: database.select({ n: count() }).from(policies).where(eq(policies.scanId, scanId)).get()?.n ?? 0,
    okAccounts: database.select({ n: count() }).from(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.status, 'ok'))).get()?.n ?? 0,
  };
}

/** What the principals page shows an admin: the latest published snapshot's list. */
function principalsPage(database: AppDatabase): { scanId: number | null; total: number } {
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) return { scanId, total: 0 };
  return { scanId, total: listPrincipals(database, ADMIN, scanId, parsePrincipalListQuery({})).total };
}

function scanRow(database: AppDatabase, scanId: number) {
  const row = database.select().from(scans).where(eq(scans.id, scanId)).get();
  if (!row) throw new Error(`no scan ${scanId}`);
  return row;
}

describe('the scanning process killed during a scan', () => {
  it('leaves no visible partial snapshot; recovery marks it failed and discards its rows; the next scan publishes', async () => {
    const database = open();
    const baseline = await runScan(database, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test' });
    expect(baseline.status).toBe('complete');
    const before = principalsPage(database);
    expect(before).toEqual({ scanId: baseline.scanId, total: expect.any(Number) });
    expect(before.total).toBeGreaterThan(0);

    const stalled = spawnChild(['--import', 'tsx', STALLED_SCAN, databasePath, DEMO]);
    await stalled.waitFor('STALLED', 90_000);
    const killedScan = database.select().from(scans).where(eq(scans.status, 'running')).get();
    stalled.child.kill('SIGKILL');
    await stalled.exited;
    if (!killedScan) throw new Error('the stalled scan has no running row');

    // A restart: a new connection recovers the WAL (the killed process's open transaction is gone).
    const restarted = open();
    expect(integrity(restarted)).toBe('ok');
    // The kill happened mid-way: one account was committed, the second account's rows were not.
    expect(rowsOfScan(restarted, killedScan.id)).toMatchObject({ okAccounts: 1 });
    expect(rowsOfScan(restarted, killedScan.id).principals).toBeGreaterThan(0);
    expect(scanRow(restarted, killedScan.id)).toMatchObject({ status: 'running', isPublished: false, workerPid: stalled.child.pid });
    // ...and no page sees any of it: the principals list is still the baseline snapshot.
    expect(principalsPage(restarted)).toEqual(before);

    expect(recoverAbandonedScans(restarted)).toEqual([killedScan.id]);
    expect(scanRow(restarted, killedScan.id)).toMatchObject({ status: 'failed', isPublished: false, error: expect.stringContaining('stopped before the snapshot was complete') });
    expect(rowsOfScan(restarted, killedScan.id)).toEqual({ principals: 0, policies: 0, okAccounts: 0 });
    // Running recovery again finds nothing more to do.
    expect(recoverAbandonedScans(restarted)).toEqual([]);

    const next = await runScan(restarted, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test' });
    expect(next.status).toBe('complete');
    expect(principalsPage(restarted)).toEqual({ scanId: next.scanId, total: before.total });
    expect(verifyAuditChain(restarted).isIntact).toBe(true);
    expect(integrity(restarted)).toBe('ok');
  });
});

// ---------------------------------------------------------------------------
// Decisions against a locked or full database
// ---------------------------------------------------------------------------

/** A file database with the campaign fixture and one launched campaign; returns its pending items. */
function campaignDatabase(): { database: AppDatabase; items: Array<{ id: number; version: number; reviewerEmail: string }> } {
  const database = open();
  seedCampaignFixture(database);
  const { campaignId } = launchCampaign(database, {
    name: 'Faults review',
    kind: 'standard',
    scope: EMPTY_SCOPE,
    dueInDays: 14,
    closeBehaviour: 'report',
    launchedBy: 'admin@example.com',
    fallbackReviewers: ['admin@example.com'],
    now: FIXTURE_NOW,
  });
  const items = database
    .select({ id: campaignItems.id, version: campaignItems.version, reviewerEmail: campaignItems.reviewerEmail })
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId))
    .all();
  expect(items.length).toBeGreaterThanOrEqual(4);
  return { database, items };
}

const ATTEST = { kind: 'attest' as const, justification: 'still needed for the claims pipeline' };
const DECIDED_AT = new Date(FIXTURE_NOW.getTime() + 60_000);

/** Another process holding the write lock (BEGIN IMMEDIATE) for `holdMs`, like a backup or the worker mid-transaction. */
function holdWriteLock(holdMs: number) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('LOCKED\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('RELEASED\\n'); }, ${holdMs});
  `;
  return spawnChild(['-e', script, databasePath]);
}

function snapshotOfItem(database: AppDatabase, itemId: number) {
  return {
    item: database.select().from(campaignItems).where(eq(campaignItems.id, itemId)).get(),
    decisions: database.select({ n: count() }).from(decisions).where(eq(decisions.itemId, itemId)).get()?.n,
    audit: database.select({ n: count() }).from(auditLog).get()?.n,
  };
}

describe('the database locked by another process', () => {
  it('decisions made meanwhile wait for the lock (busy_timeout) and none is lost', async () => {
    const { database, items } = campaignDatabase();
    const holder = holdWriteLock(1_500);
    await holder.waitFor('LOCKED', 30_000);
    const started = performance.now();
    // Synchronous calls: the first blocks in SQLite's busy handler until the other process commits.
    const single = decideItem(database, { itemId: items[0].id, expectedVersion: items[0].version, reviewerEmail: items[0].reviewerEmail, decision: ATTEST, now: DECIDED_AT });
    const waitedMs = performance.now() - started;
    const bulk = decideItems(database, { items: [{ id: items[1].id, version: items[1].version }], reviewerEmail: items[1].reviewerEmail, decision: ATTEST, now: DECIDED_AT });
    await holder.exited;
    // It really waited (the lock was held ~1.5 s after LOCKED), rather than the lock never being taken.
    expect(waitedMs).toBeGreaterThan(800);
    expect(single.status).toBe('attested');
    expect(bulk.applied.map((item) => item.itemId)).toEqual([items[1].id]);
    for (const item of items.slice(0, 2)) expect(snapshotOfItem(database, item.id)).toMatchObject({ item: { status: 'attested', version: item.version + 1 }, decisions: 1 });
    expect(verifyAuditChain(database).isIntact).toBe(true);
  });

  it('past the busy timeout the caller gets a readable error and nothing is half-written', async () => {
    const { database, items } = campaignDatabase();
    const [item] = items;
    const before = snapshotOfItem(database, item.id);
    // A short timeout for the test; production waits 10 s (db/client.ts).
    database.$client.pragma('busy_timeout = 200');
    const holder = holdWriteLock(2_000);
    await holder.waitFor('LOCKED', 30_000);
    let caught: unknown = null;
    try {
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, decision: ATTEST, now: DECIDED_AT });
    } catch (error) {
      caught = error;
    }
    expect((caught as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    // What defineRoute answers (server/http/define-route.ts) instead of a bare 500.
    expect(describeDatabaseError(caught)).toEqual({ status: 503, message: expect.stringMatching(/busy.*nothing was saved.*Try again/) });
    expect(snapshotOfItem(database, item.id)).toEqual(before);

    await holder.exited;
    database.$client.pragma('busy_timeout = 10000');
    expect(decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, decision: ATTEST, now: DECIDED_AT }).status).toBe('attested');
    expect(verifyAuditChain(database).isIntact).toBe(true);
  });
});

describe('a full disk (PRAGMA max_page_count)', () => {
  /** Caps the file at its current size plus `spare` pages: SQLite then fails writes with SQLITE_FULL. */
  function capSize(database: AppDatabase, spare: number): void {
    const pages = database.$client.pragma('page_count', { simple: true }) as number;
    database.$client.pragma(`max_page_count = ${pages + spare}`);
  }
  const uncap = (database: AppDatabase) => database.$client.pragma('max_page_count = 1073741823');

  it('a scan that runs out of space fails with a clear error, publishes nothing, and the next one completes', async () => {
    const database = open();
    const baseline = await runScan(database, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test' });
    const before = principalsPage(database);
    // Room for the scan row and its progress updates, not for an account's principals.
    capSize(database, 8);
    const full = await runScan(database, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test' });
    expect(full.status).toBe('failed');
    expect(full.problems).toEqual([expect.stringMatching(/no space left.*nothing was saved/)]);
    expect(scanRow(database, full.scanId)).toMatchObject({ status: 'failed', isPublished: false, error: expect.stringMatching(/no space left/) });
    expect(rowsOfScan(database, full.scanId)).toEqual({ principals: 0, policies: 0, okAccounts: 0 });
    expect(principalsPage(database)).toEqual({ scanId: baseline.scanId, total: before.total });
    expect(integrity(database)).toBe('ok');

    uncap(database);
    const next = await runScan(database, { kind: 'offline', directory: DEMO }, { trigger: 'cli', requestedBy: 'test' });
    expect(next.status).toBe('complete');
    expect(principalsPage(database)).toEqual({ scanId: next.scanId, total: before.total });
    expect(verifyAuditChain(database).isIntact).toBe(true);
  });

  it('a decision that runs out of space is refused whole with a clear error; after space is freed it goes through', () => {
    const { database, items } = campaignDatabase();
    const [item] = items;
    const before = snapshotOfItem(database, item.id);
    capSize(database, 0);
    // Larger than the free pages inside the file, so the write must grow the file and cannot.
    const freePages = database.$client.pragma('freelist_count', { simple: true }) as number;
    const pageSize = database.$client.pragma('page_size', { simple: true }) as number;
    // A sentence: items recommended for revocation need a justification that answers why they stay.
    const justification = `kept because the team still needs it: ${'x'.repeat((freePages + 4) * pageSize)}`;
    let caught: unknown = null;
    try {
      decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, decision: { kind: 'attest', justification }, now: DECIDED_AT });
    } catch (error) {
      caught = error;
    }
    expect((caught as { code?: string } | null)?.code).toBe('SQLITE_FULL');
    expect(describeDatabaseError(caught)).toEqual({ status: 507, message: expect.stringMatching(/no space left.*nothing was saved/) });
    expect(snapshotOfItem(database, item.id)).toEqual(before);
    expect(integrity(database)).toBe('ok');
    expect(verifyAuditChain(database).isIntact).toBe(true);

    uncap(database);
    expect(decideItem(database, { itemId: item.id, expectedVersion: item.version, reviewerEmail: item.reviewerEmail, decision: { kind: 'attest', justification }, now: DECIDED_AT }).status).toBe('attested');
    expect(snapshotOfItem(database, item.id)).toMatchObject({ item: { status: 'attested' }, decisions: 1 });
    expect(verifyAuditChain(database).isIntact).toBe(true);
  });
});
