import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditKeyId, hashChainEntry, signCheckpoint, type AuditKey } from '../../lib/audit/chain';
import { AuditKeyError, resolveAuditKey } from '../audit-key';
import type { AppDatabase } from '../client';
import { createTestDatabase } from '../test-database';
import { appendAudit, CHAIN_KEYED_ACTION, createAuditCheckpoint, sealAuditChain, verifyAgainstCheckpoints, verifyAuditChain } from './audit';

const keyOf = (text: string): AuditKey => ({ id: auditKeyId(Buffer.from(text)), secret: Buffer.from(text) });
const KEY = keyOf('k'.repeat(40));
const NOW = new Date('2030-01-01T00:00:00Z');

function write(database: AppDatabase, count: number, key: AuditKey | null): void {
  for (let index = 0; index < count; index += 1) appendAudit(database, { actor: `actor-${index}@example.com`, action: 'revocation.approved', objectType: 'revocation', objectId: index, after: { index } }, NOW, key);
}

/** What an attacker with write access to the database file does: drop the triggers, edit, recompute every hash. */
function editAndRecompute(database: AppDatabase, entryId: number, key: AuditKey | null): void {
  database.$client.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  database.$client.prepare("UPDATE audit_log SET actor = 'mallory@example.com' WHERE id = ?").run(entryId);
  const rows = database.$client.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<Record<string, string | number | null>>;
  let previous = '0'.repeat(64);
  for (const row of rows) {
    const fields = { prevHash: previous, at: String(row.at), actor: String(row.actor), action: String(row.action), objectType: String(row.object_type), objectId: String(row.object_id), before: row.before as string | null, after: row.after as string | null };
    previous = hashChainEntry(fields, key);
    database.$client.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(fields.prevHash, previous, row.id);
  }
}

function truncateTail(database: AppDatabase, fromId: number): void {
  database.$client.exec('DROP TRIGGER IF EXISTS audit_log_no_delete');
  database.$client.prepare('DELETE FROM audit_log WHERE id >= ?').run(fromId);
}

describe('keyed audit chain', () => {
  it('detects an edit whose chain was recomputed without the key (plain SHA-256, as the old code allowed)', () => {
    const database = createTestDatabase();
    write(database, 4, KEY);
    editAndRecompute(database, 2, null);
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: false, problem: expect.stringContaining('no entry is keyed') });
  });

  it('detects an edit whose chain was recomputed with another key', () => {
    const database = createTestDatabase();
    write(database, 4, KEY);
    editAndRecompute(database, 3, keyOf('m'.repeat(40)));
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: false, firstBrokenId: 1, problem: expect.stringContaining(`audit key ${KEY.id}`) });
  });

  it('verifies entries written before the key as legacy, sealed by an audit.chain-keyed entry', () => {
    const database = createTestDatabase();
    write(database, 3, null);
    write(database, 2, KEY);
    const actions = database.$client.prepare('SELECT action FROM audit_log ORDER BY id').all() as Array<{ action: string }>;
    expect(actions.map((row) => row.action)).toEqual(['revocation.approved', 'revocation.approved', 'revocation.approved', CHAIN_KEYED_ACTION, 'revocation.approved', 'revocation.approved']);
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: true, entryCount: 6, legacyEntryCount: 3 });
  });

  it('detects a legacy entry rewritten after the chain was keyed (the keyed entry no longer links)', () => {
    const database = createTestDatabase();
    write(database, 3, null);
    sealAuditChain(database, KEY, NOW);
    editAndRecompute(database, 1, null);
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: false });
  });

  it('refuses a chain with no keyed entry when a key is configured (everything recomputed as legacy)', () => {
    const database = createTestDatabase();
    write(database, 3, null);
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: false, problem: expect.stringContaining('no entry is keyed') });
    sealAuditChain(database, KEY, NOW);
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: true, entryCount: 4, legacyEntryCount: 3 });
  });

  it('refuses unkeyed entries after keyed ones', () => {
    const database = createTestDatabase();
    write(database, 2, KEY);
    write(database, 1, null);
    expect(verifyAuditChain(database, { key: KEY })).toMatchObject({ isIntact: false, firstBrokenId: 3 });
  });
});

describe('audit checkpoints', () => {
  it('signs the head including its own export record, and holds on an untouched log', () => {
    const database = createTestDatabase();
    write(database, 3, KEY);
    const checkpoint = createAuditCheckpoint(database, { actor: 'admin@example.com', now: NOW, key: KEY });
    expect(checkpoint).toMatchObject({ headId: 4, entryCount: 4, keyId: KEY.id, at: NOW.toISOString() });
    write(database, 2, KEY);
    expect(verifyAgainstCheckpoints(database, [checkpoint], KEY)).toEqual([{ checkpoint, problem: null }]);
  });

  it('detects truncation of the tail, which the chain alone cannot see', () => {
    const database = createTestDatabase();
    write(database, 5, KEY);
    const checkpoint = createAuditCheckpoint(database, { actor: 'admin@example.com', now: NOW, key: KEY });
    truncateTail(database, 4);
    expect(verifyAuditChain(database, { key: KEY }).isIntact).toBe(true);
    expect(verifyAgainstCheckpoints(database, [checkpoint], KEY)[0].problem).toMatch(/entry 6, the head .* is gone: the log was truncated/);
  });

  it('detects a recomputed chain even in the unkeyed mode', () => {
    const database = createTestDatabase();
    write(database, 3, null);
    const checkpoint = createAuditCheckpoint(database, { actor: 'admin@example.com', now: NOW, key: null });
    expect(checkpoint.signature).toBeNull();
    editAndRecompute(database, 1, null);
    expect(verifyAuditChain(database, { key: null }).isIntact).toBe(true);
    expect(verifyAgainstCheckpoints(database, [checkpoint], null)[0].problem).toContain('the chain was rewritten and recomputed');
  });

  it('refuses an edited checkpoint or one signed with another key', () => {
    const database = createTestDatabase();
    write(database, 2, KEY);
    const checkpoint = createAuditCheckpoint(database, { actor: 'admin@example.com', now: NOW, key: KEY });
    expect(verifyAgainstCheckpoints(database, [{ ...checkpoint, entryCount: 1 }], KEY)[0].problem).toContain('the checkpoint was edited');
    const other = keyOf('o'.repeat(40));
    expect(verifyAgainstCheckpoints(database, [signCheckpoint({ headId: 3, headHash: 'x', entryCount: 3, at: 'now' }, other)], KEY)[0].problem).toContain(`not the configured key ${KEY.id}`);
  });

  it('refuses to checkpoint a broken chain', () => {
    const database = createTestDatabase();
    write(database, 2, KEY);
    editAndRecompute(database, 1, null);
    expect(() => createAuditCheckpoint(database, { actor: 'admin@example.com', now: NOW, key: KEY })).toThrow(/broken/);
  });
});

describe('resolveAuditKey', () => {
  it('takes the key from BAR_AUDIT_KEY or BAR_AUDIT_KEY_FILE, never from the database', () => {
    expect(resolveAuditKey({ BAR_AUDIT_KEY: 'a'.repeat(32) }).key?.id).toBe(auditKeyId(Buffer.from('a'.repeat(32))));
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-key-'));
    fs.writeFileSync(path.join(directory, 'key'), `${'b'.repeat(64)}\n`);
    expect(resolveAuditKey({ BAR_AUDIT_KEY_FILE: path.join(directory, 'key') }).key?.id).toBe(auditKeyId(Buffer.from('b'.repeat(64))));
    fs.rmSync(directory, { recursive: true });
  });

  it('stops start-up without a key, with a short key, or with an unreadable key file', () => {
    expect(() => resolveAuditKey({}, '/tmp/x.db')).toThrow(AuditKeyError);
    expect(() => resolveAuditKey({}, '/tmp/x.db')).toThrow(/BAR_AUDIT_KEY .*BAR_AUDIT_UNKEYED=true/);
    expect(() => resolveAuditKey({ BAR_AUDIT_KEY: 'short' })).toThrow(/at least 32/);
    expect(() => resolveAuditKey({ BAR_AUDIT_KEY_FILE: '/nonexistent/key' })).toThrow(/cannot be read/);
  });

  it('accepts the unkeyed mode only when asked explicitly', () => {
    expect(resolveAuditKey({ BAR_AUDIT_UNKEYED: 'true' }, '/tmp/x.db').key).toBeNull();
  });

  it('creates one demo key beside the database in demo mode and reuses it', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-demo-'));
    const first = resolveAuditKey({ DEMO_MODE: 'true' }, path.join(directory, 'demo.db'));
    const second = resolveAuditKey({ DEMO_MODE: 'true' }, path.join(directory, 'demo.db'));
    expect(first.key?.id).toBe(second.key?.id);
    expect((fs.statSync(path.join(directory, '.demo-audit-key')).mode & 0o777).toString(8)).toBe('600');
    fs.rmSync(directory, { recursive: true });
  });
});
