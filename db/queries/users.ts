import { and, eq, gte, lt, count, max, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { signInAttempts, users, type UserRole } from '../schema';

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: UserRole;
}

const userSummaryColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

export function findActiveUserByEmail(database: AppDatabase, email: string): UserSummary | undefined {
  return database
    .select(userSummaryColumns)
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.isActive, true)))
    .get();
}

export function listActiveUsers(database: AppDatabase): UserSummary[] {
  return database.select(userSummaryColumns).from(users).where(eq(users.isActive, true)).orderBy(users.email).all();
}

export function listUsersByRole(database: AppDatabase, role: UserRole): UserSummary[] {
  return database
    .select(userSummaryColumns)
    .from(users)
    .where(and(eq(users.role, role), eq(users.isActive, true)))
    .orderBy(users.email)
    .all();
}

/** Creates the user or updates its name and role; returns whether it was new. */
export function upsertUser(database: AppDatabase, input: { email: string; name: string; role: UserRole }, now = new Date()): { user: UserSummary; isNew: boolean } {
  const email = input.email.toLowerCase();
  const existing = database.select(userSummaryColumns).from(users).where(eq(users.email, email)).get();
  if (existing) {
    // A role change or a reactivation ends the sessions issued before it (issue 17, security 8).
    const row = database.select({ role: users.role, isActive: users.isActive }).from(users).where(eq(users.id, existing.id)).get();
    const endsSessions = row?.role !== input.role || row?.isActive === false;
    database
      .update(users)
      .set({ name: input.name, role: input.role, isActive: true, ...(endsSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
      .where(eq(users.id, existing.id))
      .run();
    return { user: { ...existing, name: input.name, role: input.role }, isNew: false };
  }
  const user = database
    .insert(users)
    .values({ email, name: input.name, role: input.role, isActive: true, createdAt: now.toISOString() })
    .returning(userSummaryColumns)
    .get();
  return { user, isNew: true };
}

/** Sign-in rate limiting: failures per key (email or client address) within a window. */
export function countRecentSignInFailures(database: AppDatabase, key: string, windowMs: number, now = Date.now()): number {
  const row = database
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), gte(signInAttempts.at, now - windowMs)))
    .get();
  return row?.failures ?? 0;
}

export function recordSignInFailure(database: AppDatabase, key: string, now = Date.now()): void {
  database.insert(signInAttempts).values({ key, at: now }).run();
  // Keep the table small: forget attempts older than a day.
  database.delete(signInAttempts).where(lt(signInAttempts.at, now - 86_400_000)).run();
}

/** Failures of one key within the window and when the last one happened (for back-off). */
export function readRecentSignInFailures(database: AppDatabase, key: string, windowMs: number, now = Date.now()): { count: number; lastAt: number | null } {
  const row = database
    .select({ failures: count(), lastAt: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), gte(signInAttempts.at, now - windowMs)))
    .get();
  return { count: row?.failures ?? 0, lastAt: row?.lastAt ?? null };
}
