import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { appendAudit, verifyAuditChain } from './audit';

describe('audit log', () => {
  it('chains entries and verifies an intact log', () => {
    const database = createTestDatabase();
    appendAudit(database, { actor: 'admin@example.com', action: 'campaign.launch', objectType: 'campaign', objectId: 1, after: { name: 'Q4' } });
    appendAudit(database, { actor: 'maya@example.com', action: 'decision.attest', objectType: 'campaign_item', objectId: 7, before: null, after: { kind: 'attest' } });
    const result = verifyAuditChain(database);
    expect(result).toMatchObject({ isIntact: true, entryCount: 2, legacyEntryCount: 0, firstBrokenId: null, problem: null });
  });

  it('refuses updates and deletes at the database level', () => {
    const database = createTestDatabase();
    appendAudit(database, { actor: 'a', action: 'x', objectType: 't', objectId: 1 });
    expect(() => database.$client.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => database.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects an altered entry when the triggers were bypassed', () => {
    const database = createTestDatabase();
    appendAudit(database, { actor: 'a', action: 'x', objectType: 't', objectId: 1 });
    appendAudit(database, { actor: 'b', action: 'y', objectType: 't', objectId: 2 });
    appendAudit(database, { actor: 'c', action: 'z', objectType: 't', objectId: 3 });
    database.$client.exec('DROP TRIGGER audit_log_no_update');
    database.$client.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 2").run();
    expect(verifyAuditChain(database)).toMatchObject({ isIntact: false, firstBrokenId: 2 });
  });

  it('detects a removed entry', () => {
    const database = createTestDatabase();
    for (let index = 0; index < 4; index += 1) appendAudit(database, { actor: 'a', action: 'x', objectType: 't', objectId: index });
    database.$client.exec('DROP TRIGGER audit_log_no_delete');
    database.$client.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(database)).toMatchObject({ isIntact: false, firstBrokenId: 3 });
  });
});
