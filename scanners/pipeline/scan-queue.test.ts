import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { auditLog, scans } from '../../db/schema';
import { createTestDatabase } from '../../db/test-database';
import { parseAppConfig } from '../../lib/config/schema';
import { enqueueScanAfterChange } from './scan-queue';

const LIVE = parseAppConfig({ scan: { schedule: null, live: { managementAccountId: '210987654321', readOnlyRoleName: 'security/BedrockAccessReviewReadOnly' }, offlineDirectory: null } });
const NOW = new Date('2030-01-05T10:00:00Z');
const change = { requestedBy: 'revocation #7', reason: 'Revocation #7 verified.' };

let database: AppDatabase;

function insertScan(status: 'queued' | 'running' | 'complete'): number {
  return database.insert(scans).values({ status, source: 'live', trigger: 'schedule', queuedAt: NOW.toISOString() }).returning({ id: scans.id }).get().id;
}

beforeEach(() => {
  database = createTestDatabase();
});

describe('enqueueScanAfterChange', () => {
  it('queues a live scan, audited with the reason', () => {
    insertScan('complete');
    const queued = enqueueScanAfterChange(database, LIVE, change, NOW);
    expect(queued?.isNew).toBe(true);
    expect(database.select().from(scans).all().find((scan) => scan.id === queued?.scanId)).toMatchObject({ status: 'queued', source: 'live', requestedBy: 'revocation #7' });
    const audit = database.select().from(auditLog).all();
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([['revocation #7', 'scan.queue']]);
    expect(JSON.parse(audit[0].after ?? '{}')).toMatchObject({ reason: 'Revocation #7 verified.' });
  });

  it('reuses a scan that is queued and has not started: it will read the change', () => {
    const waiting = insertScan('queued');
    expect(enqueueScanAfterChange(database, LIVE, change, NOW)).toEqual({ scanId: waiting, isNew: false });
    expect(database.select().from(scans).all()).toHaveLength(1);
  });

  it('queues behind a running scan, which may have read the account before the change', () => {
    const running = insertScan('running');
    const queued = enqueueScanAfterChange(database, LIVE, change, NOW);
    expect(queued?.isNew).toBe(true);
    expect(queued?.scanId).toBeGreaterThan(running);
    // A second change before the worker gets to it shares that scan.
    expect(enqueueScanAfterChange(database, LIVE, { ...change, requestedBy: 'revocation #8' }, NOW)).toEqual({ scanId: queued?.scanId, isNew: false });
  });

  it('does nothing without live scanning: an offline import cannot see a change made in IAM', () => {
    const offline = parseAppConfig({ scan: { schedule: null, live: null, offlineDirectory: 'demo/org' } });
    expect(enqueueScanAfterChange(database, offline, change, NOW)).toBeNull();
    expect(database.select().from(scans).all()).toHaveLength(0);
  });
});
