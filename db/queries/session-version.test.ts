import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { bumpSessionVersion, findSessionUser, readSessionVersion } from './session-version';
import { deactivateUser } from './user-admin';
import { upsertUser } from './users';

/** Issue 17, security 8 and issue 21, item 8: sessions end at sign-out, role change and deactivation. */
describe('session version', () => {
  function setUp() {
    const database = createTestDatabase();
    upsertUser(database, { email: 'admin@example.com', name: 'Admin', role: 'admin' });
    upsertUser(database, { email: 'maya@example.com', name: 'Maya', role: 'owner' });
    return database;
  }

  it('accepts a session issued under the current version only', () => {
    const database = setUp();
    const version = readSessionVersion(database, 'maya@example.com');
    expect(version).toBe(0);
    expect(findSessionUser(database, 'Maya@example.com', 0)).toMatchObject({ email: 'maya@example.com', role: 'owner' });
    expect(findSessionUser(database, 'maya@example.com', undefined)).toBeUndefined();
    expect(findSessionUser(database, 'maya@example.com', 1)).toBeUndefined();
  });

  it('ends older sessions at sign-out', () => {
    const database = setUp();
    expect(bumpSessionVersion(database, 'maya@example.com')).toBe(true);
    expect(findSessionUser(database, 'maya@example.com', 0)).toBeUndefined();
    expect(findSessionUser(database, 'maya@example.com', 1)).toBeDefined();
  });

  it('ends older sessions when the role changes, not when only the name does', () => {
    const database = setUp();
    upsertUser(database, { email: 'maya@example.com', name: 'Maya Chen', role: 'owner' });
    expect(findSessionUser(database, 'maya@example.com', 0)).toBeDefined();
    upsertUser(database, { email: 'maya@example.com', name: 'Maya Chen', role: 'auditor' });
    expect(findSessionUser(database, 'maya@example.com', 0)).toBeUndefined();
    expect(findSessionUser(database, 'maya@example.com', 1)).toMatchObject({ role: 'auditor' });
  });

  it('ends sessions on deactivation, and a reactivated user needs a new session', () => {
    const database = setUp();
    expect(deactivateUser(database, 'maya@example.com', 'admin@example.com')).toBe(true);
    expect(deactivateUser(database, 'maya@example.com', 'admin@example.com')).toBe(false);
    expect(findSessionUser(database, 'maya@example.com', 0)).toBeUndefined();
    expect(findSessionUser(database, 'maya@example.com', 1)).toBeUndefined();
    upsertUser(database, { email: 'maya@example.com', name: 'Maya', role: 'owner' });
    expect(findSessionUser(database, 'maya@example.com', 1)).toBeUndefined();
    expect(findSessionUser(database, 'maya@example.com', 2)).toBeDefined();
  });

  it('refuses to deactivate the last active admin', () => {
    const database = setUp();
    expect(() => deactivateUser(database, 'admin@example.com', 'cli')).toThrow(/last active admin/);
  });
});
