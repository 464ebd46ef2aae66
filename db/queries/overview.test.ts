import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-database';
import { scans } from '../schema';
import { listAccounts } from './accounts';
import { listAuditEntries, parseAuditListQuery } from './audit-list';
import { appendAudit } from './audit';
import { countOpenConflicts, countsFromRows, getOverviewCounts, listTopPrincipals, listTrends } from './overview';
import { getLatestPublishedScanId } from './scans';
import { seedSnapshot } from './test-support/seed-snapshot';

describe('overview', () => {
  it('reads counts from the scan summary and agrees with the SQL fallback', () => {
    const database = createTestDatabase();
    seedSnapshot(database);
    const scanId = getLatestPublishedScanId(database) as number;
    const counts = getOverviewCounts(database, scanId);
    expect(counts.bedrockPrincipalCount).toBe(6);
    expect(counts.byTier.invoke).toBe(6);
    expect(counts.byTier.govern).toBe(1);
    expect(counts.byAccount[0]).toMatchObject({ accountId: '111111111111', accountName: 'ml-prod', count: 3 });
    expect(counts.unpinnedOidcCount).toBe(1);
    expect(counts.publicTrustCount).toBe(1);
    expect(counts.exposedOutsideOrgCount).toBe(2);
    const fromRows = countsFromRows(database, scanId);
    expect(fromRows.byTier).toEqual(counts.byTier);
    expect(fromRows.scoreBuckets).toEqual(counts.scoreBuckets);
    expect(fromRows.exposedOutsideOrgCount).toBe(2);
    database.update(scans).set({ summary: null }).where(eq(scans.id, scanId)).run();
    expect(getOverviewCounts(database, scanId).byAccount).toEqual(counts.byAccount);
  });

  it('counts open conflicts, lists the top scores and trends oldest first', () => {
    const database = createTestDatabase();
    const seeded = seedSnapshot(database);
    const scanId = seeded.latestScanId;
    expect(countOpenConflicts(database, scanId)).toEqual([
      { ruleId: 'SOD-CUSTOMIZE-INVOKE', severity: 'high', count: 1 },
      { ruleId: 'SOD-GOVERN-INVOKE', severity: 'critical', count: 1 },
      { ruleId: 'SOD-PROVISION-INVOKE', severity: 'medium', count: 1 },
    ]);
    expect(listTopPrincipals(database, scanId, 2).map((row) => row.score)).toEqual([91, 82]);
    const trends = listTrends(database);
    expect(trends.map((point) => point.scanId)).toEqual([seeded.previousScanId, seeded.latestScanId]);
    expect(trends[1]).toMatchObject({ bedrockPrincipalCount: 6, openConflictCount: 3, criticalConflictCount: 1 });
  });
});

describe('accounts and audit list', () => {
  it('lists accounts with holders and their last scan outcome', () => {
    const database = createTestDatabase();
    const seeded = seedSnapshot(database);
    const rows = listAccounts(database, seeded.latestScanId);
    const sandbox = rows.find((row) => row.name === 'sandbox');
    expect(sandbox).toMatchObject({ lastScanStatus: 'failed', environment: 'sandbox' });
    expect(sandbox?.lastScanError).toContain('AccessDenied');
    expect(rows.find((row) => row.name === 'ml-prod')).toMatchObject({ bedrockHolderCount: 3, lastScanStatus: 'ok', ouPath: 'Root / Production' });
  });

  it('pages the audit log newest first with filters', () => {
    const database = createTestDatabase();
    for (let index = 0; index < 5; index += 1) appendAudit(database, { actor: index % 2 ? 'a@example.com' : 'b@example.com', action: `thing.${index}`, objectType: 'scan', objectId: index });
    const page = listAuditEntries(database, parseAuditListQuery({ pageSize: '10' }));
    expect(page.total).toBe(5);
    expect(page.rows[0].action).toBe('thing.4');
    expect(page.rows[0]).not.toHaveProperty('hash');
    expect(listAuditEntries(database, parseAuditListQuery({ actor: 'a@example.com' })).total).toBe(2);
    expect(listAuditEntries(database, parseAuditListQuery({ action: 'thing.3' })).total).toBe(1);
  });
});
