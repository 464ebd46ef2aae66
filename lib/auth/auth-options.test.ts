import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getDatabase } from '../../db/client';
import { upsertUser } from '../../db/queries/users';
import { buildAuthOptions } from './auth-options';

/**
 * The hardening of sign-in (issue 8): demo sign-in only in demo mode, Secure cookies in
 * production behind https, and rate limiting of failed attempts per email and per address.
 */
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-options-'));

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> | unknown;

/** next-auth v4 keeps a provider's own id in `options` until it merges them at runtime. */
function providerIds(): string[] {
  return buildAuthOptions().providers.map((provider) => (provider as { options?: { id?: string } }).options?.id ?? provider.id);
}

function demoAuthorize(): Authorize {
  const provider = buildAuthOptions().providers.find((candidate) => (candidate as { options?: { id?: string } }).options?.id === 'demo') as { options?: { authorize?: Authorize } } | undefined;
  const authorize = provider?.options?.authorize;
  if (!authorize) throw new Error('the demo provider is not registered');
  return authorize;
}

beforeAll(() => {
  vi.stubEnv('DATABASE_URL', path.join(directory, 'auth.db'));
  vi.stubEnv('NEXTAUTH_SECRET', 'test-only-secret-0000000000000000000000000000');
  upsertUser(getDatabase(), { email: 'admin@example.com', name: 'Admin', role: 'admin' });
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
    expect(buildAuthOptions().useSecureCookies).toBe(true);
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    expect(buildAuthOptions().useSecureCookies).toBe(false);
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('NEXTAUTH_URL', 'https://access-review.example.com');
    expect(buildAuthOptions().useSecureCookies).toBe(false);
  });

  it('refuses a demo sign-in once the mode is switched off, even with the right password', async () => {
    vi.stubEnv('DEMO_MODE', 'true');
    const authorize = demoAuthorize();
    vi.stubEnv('DEMO_MODE', 'false');
    expect(await authorize({ email: 'admin@example.com', password: 'demo' }, { headers: { 'x-forwarded-for': '198.51.100.1' } })).toBeNull();
  });

  it('locks an email out after ten failures, even with the right password afterwards', async () => {
    vi.stubEnv('DEMO_MODE', 'true');
    const authorize = demoAuthorize();
    const request = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    expect(await authorize({ email: 'admin@example.com', password: 'demo' }, request('198.51.100.2'))).toMatchObject({ email: 'admin@example.com' });
    // Ten wrong passwords from ten addresses: the per-email counter trips.
    for (let attempt = 0; attempt < 10; attempt += 1) expect(await authorize({ email: 'admin@example.com', password: `wrong-${attempt}` }, request(`203.0.113.${attempt}`))).toBeNull();
    await expect(Promise.resolve().then(() => authorize({ email: 'admin@example.com', password: 'demo' }, request('198.51.100.3')))).rejects.toThrow(/Too many failed sign-in attempts/);
  });

  it('locks an address out after ten failures across emails', async () => {
    vi.stubEnv('DEMO_MODE', 'true');
    const authorize = demoAuthorize();
    for (let attempt = 0; attempt < 10; attempt += 1) expect(await authorize({ email: `nobody-${attempt}@example.com`, password: 'x' }, { headers: { 'x-forwarded-for': '192.0.2.77' } })).toBeNull();
    await expect(Promise.resolve().then(() => authorize({ email: 'someone-else@example.com', password: 'demo' }, { headers: { 'x-forwarded-for': '192.0.2.77, 10.0.0.1' } }))).rejects.toThrow(/Too many failed/);
  });
});
