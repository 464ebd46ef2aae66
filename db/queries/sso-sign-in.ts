import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { users } from '../schema';
import type { KnownUser, SsoSignInPlan } from '../../lib/auth/sso-sign-in';
import { appendAudit } from './audit';
import { inWriteTransaction } from '../write-transaction';

/** The user an SSO sign-in is about, active or not. */
export function findKnownUser(database: AppDatabase, email: string): KnownUser | null {
  return (
    database
      .select({ id: users.id, email: users.email, role: users.role, isActive: users.isActive, source: users.source })
      .from(users)
      .where(eq(users.email, email.toLowerCase()))
      .get() ?? null
  );
}

/**
 * Writes an allowed SSO sign-in in one transaction: the just-in-time user or the role the
 * directory mapped (a change bumps the session version and is audited), the last sign-in time,
 * and the sign-in's audit entry.
 */
export function applySsoSignIn(database: AppDatabase, plan: Extract<SsoSignInPlan, { kind: 'allow' }>, subject: string, now = new Date()): void {
  inWriteTransaction(database, () => {
    const at = now.toISOString();
    let userId: number;
    if (plan.create) {
      const created = database
        .insert(users)
        .values({ email: plan.email, name: plan.name, role: plan.create.role, isActive: true, createdAt: at, source: 'directory', lastSignInAt: at })
        .returning({ id: users.id })
        .get();
      userId = created.id;
      appendAudit(database, { actor: 'directory', action: 'user.create', objectType: 'user', objectId: userId, after: { email: plan.email, role: plan.create.role, source: 'directory' } }, now);
    } else {
      const existing = database.select({ id: users.id }).from(users).where(eq(users.email, plan.email)).get();
      if (!existing) throw new Error(`user ${plan.email} disappeared during sign-in`);
      userId = existing.id;
      database
        .update(users)
        .set({ lastSignInAt: at, ...(plan.roleChange ? { role: plan.roleChange.to, sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
        .where(eq(users.id, userId))
        .run();
      if (plan.roleChange) {
        appendAudit(database, { actor: 'directory', action: 'user.role-change', objectType: 'user', objectId: userId, before: { role: plan.roleChange.from }, after: { role: plan.roleChange.to, source: 'role mapping' } }, now);
      }
    }
    appendAudit(database, { actor: plan.email, action: 'auth.sign-in', objectType: 'user', objectId: userId, after: { method: 'oidc', subject } }, now);
  });
}

/** A refused sign-in, with its reason (never a token). */
export function recordSignInRefusal(database: AppDatabase, input: { email: string | null; method: string; reason: string; detail: string }, now = new Date()): void {
  appendAudit(database, { actor: input.email ?? 'anonymous', action: 'auth.sign-in-refused', objectType: 'user', objectId: input.email ?? '-', after: { method: input.method, reason: input.reason, detail: input.detail } }, now);
}

/** The last sign-in time the Users page shows (demo sign-ins; SSO writes it in applySsoSignIn). */
export function recordLastSignIn(database: AppDatabase, userId: number, now = new Date()): void {
  database.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, userId)).run();
}
