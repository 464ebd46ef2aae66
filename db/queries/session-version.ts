import { and, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { users } from '../schema';
import type { UserSummary } from './users';

/**
 * The user a session belongs to, only while the session is current: the user is active and the
 * session was issued under the user's present session version. Sign-out, a role change and a
 * deactivation bump the version, so every older session ends at its next request.
 */
export function findSessionUser(database: AppDatabase, email: string, sessionVersion: number | undefined): UserSummary | undefined {
  if (typeof sessionVersion !== 'number' || !Number.isInteger(sessionVersion)) return undefined;
  return database
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.isActive, true), eq(users.sessionVersion, sessionVersion)))
    .get();
}

/** The version a new session is issued under (null: no such active user). */
export function readSessionVersion(database: AppDatabase, email: string): number | null {
  const row = database
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.isActive, true)))
    .get();
  return row?.sessionVersion ?? null;
}

/** Ends every session of the user (sign-out everywhere). Returns whether a user was found. */
export function bumpSessionVersion(database: AppDatabase, email: string): boolean {
  const result = database
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.email, email.toLowerCase()))
    .run();
  return result.changes > 0;
}
