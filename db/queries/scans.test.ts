import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-database';
import { auditLog, scans } from '../schema';
import { ConflictError, NotFoundError } from '../../lib/http/errors';
import { getActiveScanId, getLastScan, getLatestPublishedScanId, getScanDetail, getScanProgress, listPublishedScans, listScanHistory, queueScanRequest } from './scans';
import { seedSnapshot } from './test-support/seed-snapshot';

describe('scans queries', () => {
  it('has no latest published scan in an empty database', () => {
    expect(getLatestPublishedScanId(createTestDatabase())).toBeNull();
  });

  it('picks the newest published scan, never a failed one', () => {
    const database = createTestDatabase();
    const seeded = seedSnapshot(database);
    expect(getLatestPublishedScanId(database)).toBe(seeded.latestScanId);
    expect(getLastScan(database)?.id).toBe(seeded.failedScanId);
    expect(listPublishedScans(database).map((scan) => scan.id)).toEqual([seeded.latestScanId, seeded.previousScanId]);
  });

  it('lists the history with durations and per-account failures', () => {
    const database = createTestDatabase();
    const seeded = seedSnapshot(database);
    const { rows, total } = listScanHistory(database, { page: 1, pageSize: 10 });
    expect(total).toBe(3);
    const latest = rows.find((row) => row.id === seeded.latestScanId);
    expect(latest).toMatchObject({ status: 'partial', durationMs: 120_000, accountCount: 3, failedAccountCount: 1 });
    const detail = getScanDetail(database, seeded.latestScanId);
    expect(detail.accounts[0]).toMatchObject({ accountId: '333333333333', status: 'failed', accountName: 'sandbox' });
    expect(detail.accounts[0].error).toContain('AccessDenied');
    expect(() => getScanDetail(database, 12345)).toThrow(NotFoundError);
  });

  it('queues one manual scan, audited, and refuses a second while it is pending', () => {
    const database = createTestDatabase();
    seedSnapshot(database);
    const { scanId } = queueScanRequest(database, { source: 'offline', requestedBy: 'admin@example.com' });
    const row = database.select().from(scans).where(eq(scans.id, scanId)).get();
    expect(row).toMatchObject({ status: 'queued', source: 'offline', trigger: 'manual', requestedBy: 'admin@example.com', isPublished: false });
    const audit = database.select().from(auditLog).where(eq(auditLog.objectId, String(scanId))).all();
    expect(audit.map((entry) => entry.action)).toEqual(['scan.queue']);
    expect(() => queueScanRequest(database, { source: 'live', requestedBy: 'admin@example.com' })).toThrow(ConflictError);
    expect(getActiveScanId(database)).toBe(scanId);
    expect(getScanProgress(database, scanId)).toMatchObject({ status: 'queued', isFinished: false });
    database.update(scans).set({ status: 'complete' }).where(eq(scans.id, scanId)).run();
    expect(getScanProgress(database, scanId).isFinished).toBe(true);
    expect(queueScanRequest(database, { source: 'live', requestedBy: 'admin@example.com' }).scanId).toBeGreaterThan(scanId);
  });
});
