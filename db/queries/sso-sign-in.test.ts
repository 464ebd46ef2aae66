import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { auditLog } from '../schema';
import { findSessionUser } from './session-version';
import { applySsoSignIn, findKnownUser, recordSignInRefusal } from './sso-sign-in';
import { listAllUsers } from './user-admin';
import { upsertUser } from './users';

/** Issue 21, items 5 and 7: SSO sign-ins, role changes, refusals and JIT users are audited. */
describe('applySsoSignIn', () => {
  it('records the sign-in, the directory role change (ending older sessions) and the last sign-in', () => {
    const database = createTestDatabase();
    upsertUser(database, { email: 'maya@example.com', name: 'Maya', role: 'owner' });
    const now = new Date('2026-12-07T01:00:00Z');
    applySsoSignIn(database, { kind: 'allow', email: 'maya@example.com', name: 'Maya', create: null, roleChange: { from: 'owner', to: 'auditor' } }, 'sub-1', now);
    expect(findKnownUser(database, 'maya@example.com')).toMatchObject({ role: 'auditor', source: 'cli' });
    expect(findSessionUser(database, 'maya@example.com', 0)).toBeUndefined();
    expect(listAllUsers(database)[0].lastSignInAt).toBe(now.toISOString());
    const entries = database.select({ actor: auditLog.actor, action: auditLog.action, before: auditLog.before, after: auditLog.after }).from(auditLog).all();
    expect(entries.slice(-2)).toEqual([
      { actor: 'directory', action: 'user.role-change', before: '{"role":"owner"}', after: '{"role":"auditor","source":"role mapping"}' },
      { actor: 'maya@example.com', action: 'auth.sign-in', before: null, after: '{"method":"oidc","subject":"sub-1"}' },
    ]);
  });

  it('creates a just-in-time user from the directory, and audits refusals with their reason', () => {
    const database = createTestDatabase();
    applySsoSignIn(database, { kind: 'allow', email: 'zoe@example.com', name: 'Zoe', create: { role: 'auditor' }, roleChange: null }, 'sub-2');
    expect(findKnownUser(database, 'zoe@example.com')).toMatchObject({ role: 'auditor', source: 'directory', isActive: true });
    recordSignInRefusal(database, { email: 'eve@example.com', method: 'oidc', reason: 'EmailUnverified', detail: 'email_verified is false' });
    const actions = database.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).all();
    expect(actions.map((entry) => entry.action)).toEqual(['user.create', 'auth.sign-in', 'auth.sign-in-refused']);
    expect(actions[2].after).toBe('{"method":"oidc","reason":"EmailUnverified","detail":"email_verified is false"}');
  });
});
