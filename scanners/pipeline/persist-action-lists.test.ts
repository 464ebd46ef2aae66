import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { hashText } from '../../db/content-hash';
import { scans } from '../../db/schema';
import { createTestDatabase } from '../../db/test-database';
import type { SnapshotAnalysis } from '../../lib/analysis/snapshot-analysis-types';
import type { SnapshotInput } from '../../lib/analysis/types';
import { discardScanRows, persistAccountOutcome } from './persist-snapshot';
import { analyzeDiverseOrganization } from './test-support/analyze-diverse-organization';

const NOW = new Date('2026-11-01T00:00:00Z');
let snapshot: SnapshotInput;
let analysis: SnapshotAnalysis;

beforeAll(async () => {
  ({ snapshot, analysis } = await analyzeDiverseOrganization('persist-action-lists', NOW));
});

/** Persists the accounts `accountIds` of the analysed snapshot as a new scan; returns its id. */
function persistScan(database: AppDatabase, accountIds: string[]): number {
  const scanId = database.insert(scans).values({ status: 'running', source: 'offline', trigger: 'cli', requestedBy: 'test', queuedAt: NOW.toISOString() }).returning({ id: scans.id }).get().id;
  for (const account of snapshot.accounts.filter((candidate) => accountIds.includes(candidate.accountId))) {
    const principals = analysis.principals.filter((principal) => principal.facts.accountId === account.accountId);
    persistAccountOutcome(database, scanId, { accountId: account.accountId, status: 'ok', error: null, durationMs: 0, principals, managedPolicies: account.managedPolicies });
  }
  return scanId;
}

const count = (database: AppDatabase, query: string, ...parameters: unknown[]) => database.$client.prepare(query).pluck().get(...parameters) as number;

/** The action-list keys a scan's rows name: each principal's, then its entitlements' and grants' in row order. */
function hashesOfPrincipal(database: AppDatabase, scanId: number, arn: string): string[] {
  const client = database.$client;
  const principal = client.prepare('SELECT id, actions_hash FROM principals WHERE scan_id = ? AND arn = ?').get(scanId, arn) as { id: number; actions_hash: string };
  const entitlementHashes = client.prepare('SELECT actions_hash FROM entitlements WHERE principal_id = ? ORDER BY id').pluck().all(principal.id) as string[];
  const grantHashes = client.prepare('SELECT actions_hash FROM grants WHERE principal_id = ? ORDER BY id').pluck().all(principal.id) as string[];
  return [principal.actions_hash, ...entitlementHashes, ...grantHashes];
}

function hashesOfScan(database: AppDatabase, scanId: number): Set<string> {
  const query = 'SELECT actions_hash FROM principals WHERE scan_id = ? UNION SELECT actions_hash FROM entitlements WHERE scan_id = ? UNION SELECT actions_hash FROM grants WHERE scan_id = ?';
  return new Set(database.$client.prepare(query).pluck().all(scanId, scanId, scanId) as string[]);
}

const allListHashes = (database: AppDatabase) => new Set(database.$client.prepare('SELECT hash FROM action_lists').pluck().all() as string[]);

describe('action lists stored once per distinct text', () => {
  it('gives principals with the same access the same rows, one per distinct list, and a rescan adds none', () => {
    const database = createTestDatabase();
    const accountIds = snapshot.accounts.map((account) => account.accountId);
    const scanId = persistScan(database, accountIds);

    const lists = database.$client.prepare('SELECT hash, list FROM action_lists').all() as Array<{ hash: string; list: string }>;
    for (const { hash, list } of lists) expect(hash).toBe(hashText(list));
    expect(count(database, 'SELECT count(DISTINCT list) FROM action_lists')).toBe(lists.length);
    const references = count(database, 'SELECT (SELECT count(*) FROM principals) + (SELECT count(*) FROM entitlements) + (SELECT count(*) FROM grants)');
    expect(lists.length).toBeLessThan(references / 2);
    // Every list a row names is there, and no list is there that no row names.
    expect(hashesOfScan(database, scanId)).toEqual(allListHashes(database));

    // Principals holding the same grants array (the same computed access) name the same lists.
    const byGrants = new Map<unknown, SnapshotAnalysis['principals']>();
    for (const principal of analysis.principals) if (principal.grants.length > 0) byGrants.set(principal.grants, [...(byGrants.get(principal.grants) ?? []), principal]);
    const sharing = [...byGrants.values()].filter((holders) => holders.length > 1);
    expect(sharing.length).toBeGreaterThan(0);
    for (const [first, ...others] of sharing) {
      const expected = hashesOfPrincipal(database, scanId, first.facts.arn);
      expect(expected.length).toBeGreaterThan(1);
      for (const other of others) expect(hashesOfPrincipal(database, scanId, other.facts.arn), other.facts.arn).toEqual(expected);
    }

    const rescanId = persistScan(database, accountIds);
    expect(count(database, 'SELECT count(*) FROM action_lists')).toBe(lists.length);
    expect(hashesOfScan(database, rescanId)).toEqual(hashesOfScan(database, scanId));
  });

  it('deletes with a discarded scan the lists and policy documents only it named, and keeps those another scan names', () => {
    const database = createTestDatabase();
    const [first, second, third, fourth] = snapshot.accounts.map((account) => account.accountId);
    const keptScanId = persistScan(database, [first, second]);
    const keptLists = allListHashes(database);
    const keptDocuments = count(database, 'SELECT count(*) FROM policy_documents');

    const discardedScanId = persistScan(database, [second, third, fourth]);
    const discardedScanLists = hashesOfScan(database, discardedScanId);
    // The case this guards: the discarded scan named lists of its own and lists the kept scan names too.
    expect([...discardedScanLists].some((hash) => !keptLists.has(hash))).toBe(true);
    expect([...discardedScanLists].some((hash) => keptLists.has(hash))).toBe(true);
    expect(count(database, 'SELECT count(*) FROM policy_documents')).toBeGreaterThan(keptDocuments);

    discardScanRows(database, discardedScanId);
    expect(allListHashes(database)).toEqual(keptLists);
    expect(hashesOfScan(database, keptScanId)).toEqual(keptLists);
    expect(count(database, 'SELECT count(*) FROM policy_documents')).toBe(keptDocuments);
  });
});
