import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { findSessionUser } from '../../db/queries/session-version';
import { upsertUser } from '../../db/queries/users';
import { parseArguments } from '../cli-args';
import { userCommand } from './user-admin';

function run(database: ReturnType<typeof createTestDatabase>, line: string): string {
  const parsed = parseArguments(line.split(' '));
  return userCommand(database, parsed, parsed.positionals[1]);
}

describe('user CLI (issue 21, item 8)', () => {
  it('lists, deactivates (ending sessions) and removes users, and keeps the last admin', () => {
    const database = createTestDatabase();
    upsertUser(database, { email: 'admin@example.com', name: 'Alex Admin', role: 'admin' });
    run(database, 'user add --email maya@example.com --role owner --name Maya');
    expect(run(database, 'user list')).toMatch(/maya@example\.com\s+owner\s+active\s+cli\s+never\s+Maya/);
    expect(run(database, 'user deactivate --email Maya@example.com')).toBe('Deactivated maya@example.com; their sessions have ended.');
    expect(findSessionUser(database, 'maya@example.com', 0)).toBeUndefined();
    expect(run(database, 'user list')).toMatch(/maya@example\.com\s+owner\s+deactivated/);
    expect(run(database, 'user deactivate --email maya@example.com')).toMatch(/already deactivated/);
    expect(run(database, 'user remove --email maya@example.com')).toMatch(/Removed/);
    expect(run(database, 'user list')).not.toMatch(/maya/);
    expect(() => run(database, 'user remove --email nobody@example.com')).toThrow(/No user with email/);
    expect(() => run(database, 'user deactivate --email admin@example.com')).toThrow(/last active admin/);
    expect(() => run(database, 'user frobnicate')).toThrow(/usage/);
  });
});
