import { asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { users, type UserRole, type UserSource } from '../schema';
import { appendAudit } from './audit';
import { inWriteTransaction } from '../write-transaction';

export interface UserListRow {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  isActive: boolean;
  source: UserSource;
  lastSignInAt: string | null;
  createdAt: string;
}

/** Every user, active first, then by email: the Users page and `user list`. */
export function listAllUsers(database: AppDatabase): UserListRow[] {
  return database
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, isActive: users.isActive, source: users.source, lastSignInAt: users.lastSignInAt, createdAt: users.createdAt })
    .from(users)
    .orderBy(sql`${users.isActive} DESC`, asc(users.email))
    .all();
}

export class UserNotFoundError extends Error {
  constructor(readonly email: string) {
    super(`No user with email ${email}.`);
    this.name = 'UserNotFoundError';
  }
}

export class LastAdminError extends Error {
  constructor() {
    super('This is the last active admin: add another admin first, or nobody can manage the app.');
    this.name = 'LastAdminError';
  }
}

function findUserForChange(database: AppDatabase, email: string) {
  const user = database.select({ id: users.id, email: users.email, role: users.role, isActive: users.isActive }).from(users).where(eq(users.email, email.toLowerCase())).get();
  if (!user) throw new UserNotFoundError(email);
  return user;
}

function assertNotLastAdmin(database: AppDatabase, user: { role: UserRole; isActive: boolean }): void {
  if (user.role !== 'admin' || !user.isActive) return;
  const row = database.select({ admins: sql<number>`count(*)` }).from(users).where(sql`${users.role} = 'admin' AND ${users.isActive} = 1`).get();
  if ((row?.admins ?? 0) <= 1) throw new LastAdminError();
}

/**
 * Deactivates a user and ends their sessions at once (the session version is bumped). Returns
 * false when the user was already inactive (nothing changes, nothing is audited).
 */
export function deactivateUser(database: AppDatabase, email: string, actor: string, now = new Date()): boolean {
  return inWriteTransaction(database, () => {
    const user = findUserForChange(database, email);
    if (!user.isActive) return false;
    assertNotLastAdmin(database, user);
    database
      .update(users)
      .set({ isActive: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .run();
    appendAudit(database, { actor, action: 'user.deactivate', objectType: 'user', objectId: user.id, before: { email: user.email, isActive: true }, after: { isActive: false } }, now);
    return true;
  });
}

/** Removes a user row (their audit entries stay: the log is append-only). */
export function removeUser(database: AppDatabase, email: string, actor: string, now = new Date()): void {
  inWriteTransaction(database, () => {
    const user = findUserForChange(database, email);
    assertNotLastAdmin(database, user);
    database.delete(users).where(eq(users.id, user.id)).run();
    appendAudit(database, { actor, action: 'user.remove', objectType: 'user', objectId: user.id, before: { email: user.email, role: user.role } }, now);
  });
}
