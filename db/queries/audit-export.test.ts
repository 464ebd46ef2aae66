import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { campaigns, scans, users } from '../schema';
import { appendAudit } from './audit';
import { iterateAuditEntriesForExport } from './audit-export';
import { listAuditEntries, parseAuditListQuery } from './audit-list';
import { resolveAuditObjectNames } from './audit-object-names';

function seed() {
  const database = createTestDatabase();
  const at = '2026-12-01T10:00:00.000Z';
  const user = database.insert(users).values({ email: 'maya@example.com', name: 'Maya Chen', role: 'owner', createdAt: at }).returning({ id: users.id }).get();
  const scan = database.insert(scans).values({ status: 'complete', source: 'offline', trigger: 'cli', requestedBy: 'cli', queuedAt: at, isPublished: true }).returning({ id: scans.id }).get();
  const campaign = database
    .insert(campaigns)
    .values({ name: 'Q4 2026 quarterly review', kind: 'standard', scope: '{}', closeBehaviour: 'report', status: 'active', scanId: scan.id, isPartialSnapshot: false, launchedAt: at, dueAt: at, launchedBy: 'admin@example.com' })
    .returning({ id: campaigns.id })
    .get();
  appendAudit(database, { actor: 'maya@example.com', action: 'auth.sign-in', objectType: 'user', objectId: user.id, after: { method: 'demo' } }, new Date('2026-12-01T10:00:05Z'));
  appendAudit(database, { actor: 'admin@example.com', action: 'campaign.launch', objectType: 'campaign', objectId: campaign.id, after: { name: '=HYPERLINK("x")' } }, new Date('2026-12-01T10:01:07Z'));
  appendAudit(database, { actor: 'maya@example.com', action: 'auth.sign-out', objectType: 'user', objectId: 'gone@example.com' }, new Date('2026-12-01T10:02:09Z'));
  appendAudit(database, { actor: 'admin@example.com', action: 'campaign.close', objectType: 'campaign', objectId: 999 }, new Date('2026-12-01T10:03:11Z'));
  return { database, userId: user.id, campaignId: campaign.id };
}

describe('audit log names and filters', () => {
  it('names campaigns and users next to their ids, and leaves unknown objects unnamed', () => {
    const { database, userId, campaignId } = seed();
    const names = resolveAuditObjectNames(database, listAuditEntries(database, parseAuditListQuery({})).rows);
    expect(names.get(`campaign:${campaignId}`)).toBe('Q4 2026 quarterly review');
    expect(names.get(`user:${userId}`)).toBe('Maya Chen <maya@example.com>');
    expect(names.has('campaign:999')).toBe(false);
    expect(names.has('user:gone@example.com')).toBe(false);
  });

  it('hides sign-ins and sign-outs only when asked', () => {
    const { database } = seed();
    expect(listAuditEntries(database, parseAuditListQuery({})).total).toBe(4);
    const hidden = listAuditEntries(database, parseAuditListQuery({ hideSignIns: '1' }));
    expect(hidden.rows.map((row) => row.action)).toEqual(['campaign.close', 'campaign.launch']);
    expect(parseAuditListQuery({ hideSignIns: 'yes' }).hideSignIns).toBe(false);
  });

  it('exports every filtered entry oldest first with names', () => {
    const { database, campaignId } = seed();
    const { page: _page, pageSize: _pageSize, ...filters } = parseAuditListQuery({ hideSignIns: '1', pageSize: '10' });
    const rows = [...iterateAuditEntriesForExport(database, filters)].flat();
    expect(rows.map((row) => [row.action, row.objectName])).toEqual([
      ['campaign.launch', 'Q4 2026 quarterly review'],
      ['campaign.close', null],
    ]);
    expect(rows[0]).toMatchObject({ objectId: String(campaignId), at: '2026-12-01T10:01:07.000Z' });
  });
});
