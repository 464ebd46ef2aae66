import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDatabase } from '../../db/client';
import { countRecentSignInFailures, findActiveUserByEmail, readRecentSignInFailures, recordSignInFailure } from '../../db/queries/users';
import { appendAudit } from '../../db/queries/audit';
import { bumpSessionVersion, readSessionVersion } from '../../db/queries/session-version';
import { applySsoSignIn, findKnownUser, recordLastSignIn, recordSignInRefusal } from '../../db/queries/sso-sign-in';
import { getConfig } from '../../lib/config/load-config';
import type { AuthConfig } from '../../lib/config/schema';
import { safeRedirectUrl } from '../../lib/auth/callback-url';
import { OIDC_PROVIDER_ID } from '../../lib/auth/check-configuration';
import { clientAddressFrom } from '../../lib/auth/client-address';
import { DEMO_PASSWORD, isDemoMode } from '../../lib/auth/demo-users';
import { needsUserinfo, readDirectoryClaims, type DirectoryClaims } from '../../lib/auth/directory-claims';
import { discoveryUrl, fetchUserinfo } from '../../lib/auth/oidc-discovery';
import { resolveAuthSecret } from '../../lib/auth/auth-secret';
import { backoffRemainingMs } from '../../lib/auth/sign-in-backoff';
import { planSsoSignIn } from '../../lib/auth/sso-sign-in';

const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ADDRESS = 10;

/** One line per sign-in event on the server log: the reason, never a token. */
export function logSignIn(message: string): void {
  console.warn(`[auth] ${message.replace(/[\r\n]+/g, ' ').slice(0, 500)}`);
}

/**
 * Demo personas sign in with a shared password; this provider is not registered outside demo mode.
 * Limits (issue 17, security 4): a client address (from the trusted proxy hops, never the first
 * X-Forwarded-For entry) gets a hard limit across emails; an email gets exponential back-off, so
 * failing on purpose can slow its owner down but never lock them out.
 */
function demoCredentialsProvider(auth: AuthConfig) {
  return CredentialsProvider({
    id: 'demo',
    name: 'Demo account',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    authorize(credentials, request) {
      if (!isDemoMode()) return null;
      const email = (credentials?.email ?? '').trim().toLowerCase();
      const database = getDatabase();
      const now = Date.now();
      const addressKey = `ip:${clientAddressFrom(request.headers?.['x-forwarded-for'], auth.trustedProxyHops)}`;
      const emailKey = `email:${email}`;
      if (countRecentSignInFailures(database, addressKey, SIGN_IN_WINDOW_MS, now) >= MAX_FAILURES_PER_ADDRESS) {
        logSignIn(`refused demo sign-in for ${email}: too many failures from ${addressKey}`);
        throw new Error('Too many failed sign-in attempts from this address. Wait 15 minutes and try again.');
      }
      const failures = readRecentSignInFailures(database, emailKey, SIGN_IN_WINDOW_MS, now);
      const waitMs = backoffRemainingMs(failures.count, failures.lastAt, now);
      if (waitMs > 0) {
        logSignIn(`refused demo sign-in for ${email}: back-off after ${failures.count} failures, ${Math.ceil(waitMs / 1000)} s left`);
        throw new Error(`Too many failed sign-in attempts for this account. Try again in ${Math.ceil(waitMs / 1000)} seconds.`);
      }
      const user = findActiveUserByEmail(database, email);
      if (!user || credentials?.password !== DEMO_PASSWORD) {
        for (const key of [emailKey, addressKey]) recordSignInFailure(database, key, now);
        logSignIn(`refused demo sign-in for ${email}: ${user ? 'wrong password' : 'no active user'} (${addressKey})`);
        return null;
      }
      appendAudit(database, { actor: user.email, action: 'auth.sign-in', objectType: 'user', objectId: user.id, after: { method: 'demo' } });
      recordLastSignIn(database, user.id);
      return { id: String(user.id), email: user.email, name: user.name };
    },
  });
}

interface SsoUser extends User {
  directoryClaims: DirectoryClaims;
  userinfoProblem: string | null;
}

/** Production single sign-on: any OIDC provider by its issuer URL (confidential client, PKCE). */
function oidcProvider(auth: AuthConfig) {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  const roleClaim = auth.roleMapping?.claim ?? null;
  return {
    id: OIDC_PROVIDER_ID,
    name: process.env.OIDC_DISPLAY_NAME ?? 'Single sign-on',
    type: 'oauth' as const,
    wellKnown: discoveryUrl(issuer),
    authorization: { params: { scope: process.env.OIDC_SCOPE ?? 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'] as Array<'pkce' | 'state'>,
    clientId,
    clientSecret,
    /**
     * The ID token's claims, completed from userinfo when it lacks the email or the role claim
     * (many providers, the certified `oidc-provider` among them, keep scope claims out of the ID
     * token in the code flow). Never throws: a failure becomes a refusal with its reason.
     */
    async profile(claims: Record<string, unknown>, tokens: { access_token?: string }): Promise<SsoUser> {
      let userinfo: Record<string, unknown> | null = null;
      let userinfoProblem: string | null = null;
      if (needsUserinfo(claims, roleClaim) && tokens.access_token) {
        try {
          userinfo = await fetchUserinfo(issuer, tokens.access_token);
        } catch (error) {
          userinfoProblem = `userinfo failed: ${(error as Error).message}`;
        }
      }
      const directoryClaims = readDirectoryClaims(claims, userinfo, roleClaim);
      return { id: directoryClaims.subject, email: directoryClaims.email, name: directoryClaims.name ?? directoryClaims.email, directoryClaims, userinfoProblem };
    },
  };
}

function signInErrorUrl(code: string): string {
  const base = (process.env.NEXTAUTH_URL ?? '').replace(/\/$/, '');
  return `${base}/signin?error=${encodeURIComponent(code)}`;
}

/** next-auth's errors of a sign-in attempt (provider down, wrong secret, wrong issuer, cancelled consent). */
const SIGN_IN_ERROR_CODES = new Set(['SIGNIN_OAUTH_ERROR', 'OAUTH_CALLBACK_ERROR', 'OAUTH_CALLBACK_HANDLER_ERROR', 'OAUTH_PARSE_PROFILE_ERROR', 'OAUTH_V1_GET_ACCESS_TOKEN_ERROR', 'SIGNIN_EMAIL_ERROR', 'CALLBACK_OAUTH_ERROR']);

/**
 * next-auth logs an error the provider sent back (a cancelled consent) twice: once with its
 * description (OAUTH_CALLBACK_HANDLER_ERROR), then again bare (OAUTH_CALLBACK_ERROR). One
 * refusal is one line and one audit entry: the bare repeat is dropped.
 */
let lastHandlerError: { message: string; at: number } | null = null;
function isRepeatOfHandlerError(code: string, reason: string): boolean {
  const now = Date.now();
  if (code === 'OAUTH_CALLBACK_HANDLER_ERROR') {
    lastHandlerError = { message: reason, at: now };
    return false;
  }
  const isRepeat = code === 'OAUTH_CALLBACK_ERROR' && lastHandlerError !== null && now - lastHandlerError.at < 5000 && lastHandlerError.message.startsWith(reason);
  if (isRepeat) lastHandlerError = null;
  return isRepeat;
}

function describeLoggedError(metadata: unknown): string {
  if (metadata instanceof Error) return metadata.message;
  if (metadata && typeof metadata === 'object') {
    const record = metadata as { error?: unknown; message?: unknown; error_description?: unknown };
    const inner = record.error instanceof Error ? record.error.message : typeof record.error === 'string' ? record.error : typeof record.message === 'string' ? record.message : '';
    return [inner, typeof record.error_description === 'string' ? record.error_description : ''].filter(Boolean).join(': ');
  }
  return String(metadata ?? '');
}

/**
 * next-auth configuration. Roles are never taken from the token: `requireUser` reads them from
 * the database on every request, and only while the session's version is the user's current one,
 * so sign-out, a role change or a deactivation ends sessions at once.
 */
export function buildAuthOptions(auth: AuthConfig = getConfig().auth): NextAuthOptions {
  const providers: NextAuthOptions['providers'] = [];
  if (isDemoMode()) providers.push(demoCredentialsProvider(auth));
  const oidc = oidcProvider(auth);
  if (oidc) providers.push(oidc);
  return {
    providers,
    secret: resolveAuthSecret(),
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    useSecureCookies: process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    logger: {
      error(code, metadata) {
        const reason = describeLoggedError(metadata);
        if (isRepeatOfHandlerError(code, reason)) return;
        logSignIn(`${code}: ${reason}`);
        if (SIGN_IN_ERROR_CODES.has(code)) {
          try {
            recordSignInRefusal(getDatabase(), { email: null, method: 'oidc', reason: code, detail: reason.slice(0, 300) });
          } catch (error) {
            logSignIn(`could not audit the refusal: ${(error as Error).message}`);
          }
        }
      },
      warn(code) {
        logSignIn(`warning ${code}`);
      },
      debug() {},
    },
    callbacks: {
      signIn({ user, account }) {
        if (account?.provider === 'demo') return true;
        const { directoryClaims, userinfoProblem } = user as SsoUser;
        if (!directoryClaims) return signInErrorUrl('AccessDenied');
        const database = getDatabase();
        const plan = planSsoSignIn(directoryClaims, directoryClaims.email ? findKnownUser(database, directoryClaims.email) : null, auth);
        if (plan.kind === 'refuse') {
          const detail = userinfoProblem && plan.reason === 'EmailMissing' ? `${plan.detail}; ${userinfoProblem}` : plan.detail;
          logSignIn(`refused sign-in of ${plan.email ?? `subject ${directoryClaims.subject}`}: ${plan.reason} (${detail})`);
          recordSignInRefusal(database, { email: plan.email, method: 'oidc', reason: plan.reason, detail });
          return signInErrorUrl(plan.reason);
        }
        applySsoSignIn(database, plan, directoryClaims.subject);
        if (plan.roleChange) logSignIn(`role of ${plan.email} changed by the directory: ${plan.roleChange.from} -> ${plan.roleChange.to}`);
        if (plan.create) logSignIn(`created ${plan.create.role} ${plan.email} from the directory (just-in-time provisioning)`);
        return true;
      },
      jwt({ token, user, account }) {
        if (user) {
          token.sessionVersion = readSessionVersion(getDatabase(), (user.email ?? '').toLowerCase()) ?? -1;
          if (account?.provider === OIDC_PROVIDER_ID && account.id_token) token.idToken = account.id_token;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, sessionVersion: token.sessionVersion };
      },
      redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
    events: {
      signOut({ token }) {
        const email = typeof token?.email === 'string' ? token.email : null;
        if (!email) return;
        const database = getDatabase();
        // Ends this session and every other session of the user (issue 17, security 8).
        if (bumpSessionVersion(database, email)) {
          const user = findKnownUser(database, email);
          appendAudit(database, { actor: email, action: 'auth.sign-out', objectType: 'user', objectId: user?.id ?? email });
        }
      },
    },
  };
}

let cachedOptions: NextAuthOptions | undefined;
export function getAuthOptions(): NextAuthOptions {
  cachedOptions ??= buildAuthOptions();
  return cachedOptions;
}
