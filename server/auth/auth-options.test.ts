import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getDatabase } from '../../db/client';
import { upsertUser } from '../../db/queries/users';
import { findSessionUser } from '../../db/queries/session-version';
import type { AuthConfig } from '../../lib/config/schema';
import { buildAuthOptions } from './auth-options';

/**
 * The hardening of sign-in (issue 8): demo sign-in only in demo mode, Secure cookies in
 * production behind https, and rate limiting of failed attempts per email and per address.
 */
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-options-'));

const NO_PROXY: AuthConfig = { trustedProxyHops: 0, allowMissingEmailVerified: false, roleMapping: null };

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> | unknown;

/** next-auth v4 keeps a provider's own id in `options` until it merges them at runtime. */
function providerIds(): string[] {
  return buildAuthOptions(NO_PROXY).providers.map((provider) => (provider as { options?: { id?: string } }).options?.id ?? provider.id);
}

function demoAuthorize(): Authorize {
  return demoAuthorizeWith({ trustedProxyHops: 0, allowMissingEmailVerified: false, roleMapping: null });
}

function demoAuthorizeWith(auth: AuthConfig): Authorize {
  const provider = buildAuthOptions(auth).providers.find((candidate) => (candidate as { options?: { id?: string } }).options?.id === 'demo') as { options?: { authorize?: Authorize } } | undefined;
  const authorize = provider?.options?.authorize;
  if (!authorize) throw new Error('the demo provider is not registered');
  return authorize;
}

beforeAll(() => {
  vi.stubEnv('DATABASE_URL', path.join(directory, 'auth.db'));
  vi.stubEnv('NEXTAUTH_SECRET', 'test-only-secret-0000000000000000000000000000');
  upsertUser(getDatabase(), { email: 'admin@example.com', name: 'Admin', role: 'admin' });
  upsertUser(getDatabase(), { email: 'ciso@example.com', name: 'Casey', role: 'auditor' });
});

afterEach(() => {
  vi.stubEnv('DEMO_MODE', '');
  vi.stubEnv('NODE_ENV', 'test');
  vi.stubEnv('NEXTAUTH_URL', '');
});

afterAll(() => {
  closeDatabase();
  vi.unstubAllEnvs();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('auth options', () => {
  it('registers the demo credentials provider only in demo mode', () => {
    vi.stubEnv('DEMO_MODE', 'false');
    expect(providerIds()).not.toContain('demo');
    vi.stubEnv('DEMO_MODE', 'true');
    expect(providerIds()).toContain('demo');
  });

  it('sets Secure cookies in production behind https, and only there', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_URL', 'https://access-review.example.com');
    expect(buildAuthOptions(NO_PROXY).useSecureCookies).toBe(true);
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    expect(buildAuthOptions(NO_PROXY).useSecureCookies).toBe(false);
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('NEXTAUTH_URL', 'https://access-review.example.com');
    expect(buildAuthOptions(NO_PROXY).useSecureCookies).toBe(false);
  });

  it('refuses a demo sign-in once the mode is switched off, even with the right password', async () => {
    vi.stubEnv('DEMO_MODE', 'true');
    const authorize = demoAuthorize();
    vi.stubEnv('DEMO_MODE', 'false');
    expect(await authorize({ email: 'admin@example.com', password: 'demo' }, { headers: { 'x-forwarded-for': '198.51.100.1' } })).toBeNull();
  });

  it('backs an email off exponentially instead of locking it: the right password works once the wait is over', async () => {
    // Issue 17, security 4: the old code locked the account for 15 minutes after ten failures from anywhere.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-07T01:00:00Z'));
      vi.stubEnv('DEMO_MODE', 'true');
      const authorize = demoAuthorize();
      const request = (address: string) => ({ headers: { 'x-forwarded-for': address } });
      // Ten wrong passwords from ten addresses, each after the previous wait.
      for (let attempt = 0; attempt < 10; attempt += 1) {
        vi.setSystemTime(Date.now() + 2 ** Math.max(0, attempt - 4) * 1000);
        expect(await authorize({ email: 'admin@example.com', password: `wrong-${attempt}` }, request(`203.0.113.${attempt}`))).toBeNull();
      }
      // Inside the current wait, even the right password is refused, with the time left; the refusal is not counted.
      await expect(Promise.resolve().then(() => authorize({ email: 'admin@example.com', password: 'demo' }, request('198.51.100.3')))).rejects.toThrow(/Try again in \d+ seconds/);
      // Once the wait is over, the owner of the account gets in: no lock-out.
      vi.setSystemTime(Date.now() + 5 * 60 * 1000);
      expect(await authorize({ email: 'admin@example.com', password: 'demo' }, request('198.51.100.3'))).toMatchObject({ email: 'admin@example.com' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('limits an address taken from the trusted proxy hop, not the forgeable first X-Forwarded-For entry', async () => {
    vi.stubEnv('DEMO_MODE', 'true');
    const authorize = demoAuthorizeWith({ trustedProxyHops: 1, allowMissingEmailVerified: false, roleMapping: null });
    // One real client (192.0.2.77, appended by our load balancer) forging a new first entry each time.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await authorize({ email: `nobody-${attempt}@example.com`, password: 'x' }, { headers: { 'x-forwarded-for': `10.9.9.${attempt}, 192.0.2.77` } })).toBeNull();
    }
    await expect(Promise.resolve().then(() => authorize({ email: 'someone-else@example.com', password: 'demo' }, { headers: { 'x-forwarded-for': '10.1.1.1, 192.0.2.77' } }))).rejects.toThrow(/from this address/);
    // Another client behind the same load balancer is not affected.
    expect(await authorize({ email: 'ciso@example.com', password: 'demo' }, { headers: { 'x-forwarded-for': '192.0.2.77, 192.0.2.78' } })).toMatchObject({ email: 'ciso@example.com' });
  });

  it('redirects after sign-in only to same-origin paths, and never throws on a malformed callbackUrl', async () => {
    const redirect = buildAuthOptions(NO_PROXY).callbacks?.redirect;
    expect(redirect).toBeTypeOf('function');
    const baseUrl = 'http://localhost:3000';
    for (const url of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/', 'http://[', 'javascript:alert(1)']) {
      const target = await redirect!({ url, baseUrl });
      expect(new URL(target).origin).toBe(baseUrl);
      expect(new URL(target).pathname).toBe('/');
    }
    expect(await redirect!({ url: '/principals?page=2', baseUrl })).toBe('http://localhost:3000/principals?page=2');
  });

  it('issues sessions under the user\'s session version and ends them all at sign-out (issue 17, security 8)', async () => {
    const options = buildAuthOptions(NO_PROXY);
    const token = await options.callbacks!.jwt!({ token: { email: 'ciso@example.com' }, user: { id: '2', email: 'ciso@example.com' }, account: null } as never);
    const session = await options.callbacks!.session!({ session: { user: { email: 'ciso@example.com' }, expires: '' }, token } as never);
    const version = (session as { sessionVersion?: number }).sessionVersion;
    expect(findSessionUser(getDatabase(), 'ciso@example.com', version)).toBeDefined();
    await options.events!.signOut!({ token, session: null } as never);
    // The cookie a copy of the browser kept still decodes, but it names an old version: refused.
    expect(findSessionUser(getDatabase(), 'ciso@example.com', version)).toBeUndefined();
  });
});
