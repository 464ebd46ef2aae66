import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '../../db/client';
import { findSessionUser } from '../../db/queries/session-version';
import type { UserSummary } from '../../db/queries/users';
import type { UserRole } from '../../db/schema/users';
import { getAuthOptions } from './auth-options';
import { AuthorizationError } from '../../lib/auth/errors';

export type SessionUser = UserSummary;

/**
 * The signed-in user with the role the database holds now, or null: also null when the session
 * was issued before the user's last sign-out, role change or deactivation (its version is old).
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const email = session?.user?.email;
  if (!email) return null;
  return findSessionUser(getDatabase(), email, session.sessionVersion) ?? null;
}

/** For route handlers: throws AuthorizationError (401 anonymous, 403 wrong role). */
export async function requireUser(...roles: UserRole[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError(401, 'Sign in first.');
  if (roles.length > 0 && !roles.includes(user.role)) throw new AuthorizationError(403, 'Your role does not allow this.');
  return user;
}

/** Alias that reads better at call sites that need a specific role. */
export const requireRole = requireUser;

/**
 * The layout and the page both ask who is signed in: within one render the answer is computed
 * once (React's per-request cache; the session cookie is decrypted and the user read once).
 */
const getPageSessionUser = cache(getSessionUser);

/** For pages: anonymous visitors go to sign-in, the wrong role to the 403 page. */
export async function requirePageUser(...roles: UserRole[]): Promise<SessionUser> {
  const user = await getPageSessionUser();
  if (!user) redirect('/signin');
  if (roles.length > 0 && !roles.includes(user.role)) redirect('/forbidden');
  return user;
}
