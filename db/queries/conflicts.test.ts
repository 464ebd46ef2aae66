import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../test-database';
import { auditLog } from '../schema';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/http/errors';
import { acceptConflictAsException, listConflicts, parseConflictListQuery } from './conflicts';
import { countOpenConflicts } from './overview';
import { getLatestPublishedScanId } from './scans';
import { FIXTURE_OWNERS, seedSnapshot } from './test-support/seed-snapshot';
import type { Viewer } from './viewer';

const admin: Viewer = { role: 'admin', email: 'admin@example.com' };
const now = new Date('2026-05-03T00:00:00.000Z');

function setup() {
  const database = createTestDatabase();
  seedSnapshot(database);
  const scanId = getLatestPublishedScanId(database) as number;
  return { database, scanId };
}

describe('conflicts', () => {
  it('lists conflicts most severe first, naming the principal and both sides', () => {
    const { database, scanId } = setup();
    const { rows, total } = listConflicts(database, admin, scanId, parseConflictListQuery({}), now);
    expect(total).toBe(3);
    expect(rows.map((row) => row.severity)).toEqual(['critical', 'high', 'medium']);
    expect(rows[1]).toMatchObject({ principalName: 'ml-pipeline', accountName: 'ml-prod', ruleId: 'SOD-CUSTOMIZE-INVOKE' });
    expect(rows[1].sideA[0].path.policyName).toBe('AmazonBedrockFullAccess');
  });

  it('filters by rule, severity and account, and scopes owners', () => {
    const { database, scanId } = setup();
    expect(listConflicts(database, admin, scanId, parseConflictListQuery({ rule: 'SOD-GOVERN-INVOKE' }), now).total).toBe(1);
    expect(listConflicts(database, admin, scanId, parseConflictListQuery({ severity: 'medium' }), now).rows[0].principalName).toBe('100%_admin');
    expect(listConflicts(database, admin, scanId, parseConflictListQuery({ account: '222222222222' }), now).total).toBe(0);
    const liams = listConflicts(database, { role: 'owner', email: FIXTURE_OWNERS.liam }, scanId, parseConflictListQuery({}), now);
    expect(liams.rows.map((row) => row.principalName)).toEqual(['100%_admin']);
  });

  it('accepts a conflict as an exception: hidden by default, audited, refused twice, back after expiry', () => {
    const { database, scanId } = setup();
    const target = listConflicts(database, admin, scanId, parseConflictListQuery({ rule: 'SOD-CUSTOMIZE-INVOKE' }), now).rows[0];
    const created = acceptConflictAsException(database, { conflictId: target.id, reason: 'Pipeline needs both until Q3 split', expiresOn: '2026-08-31' }, 'admin@example.com', now);
    expect(created.expiresAt).toBe('2026-08-31T23:59:59.999Z');
    expect(listConflicts(database, admin, scanId, parseConflictListQuery({}), now).total).toBe(2);
    const only = listConflicts(database, admin, scanId, parseConflictListQuery({ excepted: 'only' }), now);
    expect(only.rows[0].exception).toMatchObject({ reason: 'Pipeline needs both until Q3 split', createdBy: 'admin@example.com' });
    expect(countOpenConflicts(database, scanId, now).map((entry) => entry.ruleId)).not.toContain('SOD-CUSTOMIZE-INVOKE');
    const audit = database.select().from(auditLog).where(eq(auditLog.action, 'sod-exception.create')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after as string)).toMatchObject({ ruleId: 'SOD-CUSTOMIZE-INVOKE', reason: 'Pipeline needs both until Q3 split' });
    expect(() => acceptConflictAsException(database, { conflictId: target.id, reason: 'Another reason here', expiresOn: '2026-09-30' }, 'admin@example.com', now)).toThrow(ConflictError);
    const later = new Date('2026-09-01T00:00:00.000Z');
    expect(listConflicts(database, admin, scanId, parseConflictListQuery({}), later).total).toBe(3);
  });

  it('refuses past or far expiry dates and unknown conflicts', () => {
    const { database, scanId } = setup();
    const target = listConflicts(database, admin, scanId, parseConflictListQuery({}), now).rows[0];
    expect(() => acceptConflictAsException(database, { conflictId: target.id, reason: 'Too late for this one', expiresOn: '2026-05-01' }, 'a', now)).toThrow(ValidationError);
    expect(() => acceptConflictAsException(database, { conflictId: target.id, reason: 'Much too far away', expiresOn: '2028-01-01' }, 'a', now)).toThrow(ValidationError);
    expect(() => acceptConflictAsException(database, { conflictId: 99_999, reason: 'No such conflict here', expiresOn: '2026-06-01' }, 'a', now)).toThrow(NotFoundError);
  });
});
