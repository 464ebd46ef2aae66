import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-database';
import { auditLog, sodExceptionRequests } from '../schema';
import { ConflictError, ValidationError } from '../../lib/http/errors';
import { acceptConflictAsException, listConflicts, parseConflictListQuery } from './conflicts';
import { approveSodExceptionRequest } from './approve-sod-exception-request';
import { countOpenConflicts } from './overview';
import { getLatestPublishedScanId } from './scans';
import { seedSnapshot } from './test-support/seed-snapshot';
import type { Viewer } from './viewer';

const admin: Viewer = { role: 'admin', email: 'ana@example.com' };
const now = new Date('2026-05-03T00:00:00.000Z');
const fourEyes = { requireFourEyes: true };

function setupCritical() {
  const database = createTestDatabase();
  seedSnapshot(database);
  const scanId = getLatestPublishedScanId(database) as number;
  const critical = listConflicts(database, admin, scanId, parseConflictListQuery({ severity: 'critical' }), now).rows[0];
  return { database, scanId, critical };
}

describe('critical SoD exceptions under four-eyes', () => {
  it('records a request that does not apply until a second admin approves it', () => {
    const { database, scanId, critical } = setupCritical();
    const result = acceptConflictAsException(database, { conflictId: critical.id, reason: 'Break-glass role until the split lands', expiresOn: '2026-07-31' }, 'ana@example.com', now, fourEyes);
    expect(result).toMatchObject({ status: 'awaiting-second-admin', expiresAt: '2026-07-31T23:59:59.999Z' });
    // Still open: listed by default, counted on the overview, shown as awaiting a second admin.
    const listed = listConflicts(database, admin, scanId, parseConflictListQuery({ severity: 'critical' }), now).rows[0];
    expect(listed.exception).toBeNull();
    expect(listed.pendingException).toMatchObject({ requestedBy: 'ana@example.com', reason: 'Break-glass role until the split lands' });
    expect(countOpenConflicts(database, scanId, now).map((entry) => entry.ruleId)).toContain(critical.ruleId);
    expect(database.select().from(auditLog).where(eq(auditLog.action, 'sod-exception.requested')).all()).toHaveLength(1);
    // A second request for the same conflict is refused.
    expect(() => acceptConflictAsException(database, { conflictId: critical.id, reason: 'Asking a second time now', expiresOn: '2026-07-31' }, 'ben@example.com', now, fourEyes)).toThrow(ConflictError);
  });

  it('refuses the requester and applies on a second admin, audited', () => {
    const { database, scanId, critical } = setupCritical();
    const result = acceptConflictAsException(database, { conflictId: critical.id, reason: 'Break-glass role until the split lands', expiresOn: '2026-07-31' }, 'ana@example.com', now, fourEyes);
    if (result.status !== 'awaiting-second-admin') throw new Error('expected a pending request');
    expect(() => approveSodExceptionRequest(database, { requestId: result.requestId, approver: 'ANA@example.com', now })).toThrow(ValidationError);
    const approved = approveSodExceptionRequest(database, { requestId: result.requestId, approver: 'ben@example.com', now });
    expect(approved.expiresAt).toBe('2026-07-31T23:59:59.999Z');
    expect(listConflicts(database, admin, scanId, parseConflictListQuery({ severity: 'critical' }), now).total).toBe(0);
    const excepted = listConflicts(database, admin, scanId, parseConflictListQuery({ severity: 'critical', excepted: 'only' }), now).rows[0];
    expect(excepted.exception).toMatchObject({ createdBy: 'ana@example.com' });
    expect(excepted.pendingException).toBeNull();
    const request = database.select().from(sodExceptionRequests).where(eq(sodExceptionRequests.id, result.requestId)).get();
    expect(request).toMatchObject({ status: 'approved', decidedBy: 'ben@example.com', exceptionId: approved.exceptionId });
    const audit = database.select().from(auditLog).where(eq(auditLog.action, 'sod-exception.approved')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after as string)).toMatchObject({ requestedBy: 'ana@example.com', approvedBy: 'ben@example.com' });
    expect(() => approveSodExceptionRequest(database, { requestId: result.requestId, approver: 'carla@example.com', now })).toThrow(ConflictError);
  });

  it('applies at once when four-eyes is off, and for a non-critical conflict when it is on', () => {
    const { database, scanId, critical } = setupCritical();
    expect(acceptConflictAsException(database, { conflictId: critical.id, reason: 'Single-admin installation', expiresOn: '2026-07-31' }, 'ana@example.com', now, { requireFourEyes: false }).status).toBe('accepted');
    const high = listConflicts(database, admin, scanId, parseConflictListQuery({ severity: 'high' }), now).rows[0];
    expect(acceptConflictAsException(database, { conflictId: high.id, reason: 'Pipeline needs both until Q3', expiresOn: '2026-07-31' }, 'ana@example.com', now, fourEyes).status).toBe('accepted');
  });
});
