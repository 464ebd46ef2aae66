import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDatabase } from '../../db/client';
import { countRecentSignInFailures, findActiveUserByEmail, recordSignInFailure } from '../../db/queries/users';
import { appendAudit } from '../../db/queries/audit';
import { DEMO_PASSWORD, isDemoMode } from './demo-users';
import { resolveAuthSecret } from './auth-secret';

const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_WINDOW = 10;

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  return typeof forwarded === 'string' ? (forwarded.split(',')[0]?.trim() ?? 'unknown') : 'unknown';
}

/** Demo personas sign in with a shared password; this provider is not registered outside demo mode. */
function demoCredentialsProvider() {
  return CredentialsProvider({
    id: 'demo',
    name: 'Demo account',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    authorize(credentials, request) {
      if (!isDemoMode()) return null;
      const email = (credentials?.email ?? '').trim().toLowerCase();
      const database = getDatabase();
      const keys = [`email:${email}`, `ip:${clientAddress(request.headers)}`];
      if (keys.some((key) => countRecentSignInFailures(database, key, SIGN_IN_WINDOW_MS) >= MAX_FAILURES_PER_WINDOW)) {
        throw new Error('Too many failed sign-in attempts. Wait 15 minutes and try again.');
      }
      const user = findActiveUserByEmail(database, email);
      if (!user || credentials?.password !== DEMO_PASSWORD) {
        for (const key of keys) recordSignInFailure(database, key);
        return null;
      }
      appendAudit(database, { actor: user.email, action: 'auth.sign-in', objectType: 'user', objectId: user.id, after: { method: 'demo' } });
      return { id: String(user.id), email: user.email, name: user.name };
    },
  });
}

/** Production single sign-on: any OIDC provider by its issuer URL. */
function oidcProvider() {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: 'oidc',
    name: process.env.OIDC_DISPLAY_NAME ?? 'Single sign-on',
    type: 'oauth' as const,
    wellKnown: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'] as Array<'pkce' | 'state'>,
    clientId,
    clientSecret,
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? profile.sub };
    },
  };
}

/**
 * next-auth configuration. Roles are never taken from the token: `requireUser` reads them from
 * the database on every request, so a role change or deactivation applies at once.
 */
export function buildAuthOptions(): NextAuthOptions {
  const providers: NextAuthOptions['providers'] = [];
  if (isDemoMode()) providers.push(demoCredentialsProvider());
  const oidc = oidcProvider();
  if (oidc) providers.push(oidc);
  return {
    providers,
    secret: resolveAuthSecret(),
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    callbacks: {
      signIn({ user, account }) {
        if (account?.provider === 'demo') return true;
        // SSO: only people an admin added (CLI `user add` or the first-admin command) get in.
        const email = user.email?.toLowerCase();
        return Boolean(email && findActiveUserByEmail(getDatabase(), email));
      },
    },
  };
}

let cachedOptions: NextAuthOptions | undefined;
export function getAuthOptions(): NextAuthOptions {
  cachedOptions ??= buildAuthOptions();
  return cachedOptions;
}
