import { describe, expect, it } from 'vitest';
import { checkSignInConfiguration, redirectUriFor } from './check-configuration';

const DISCOVERY = {
  issuer: 'https://idp.example.com',
  authorization_endpoint: 'https://idp.example.com/auth',
  token_endpoint: 'https://idp.example.com/token',
  jwks_uri: 'https://idp.example.com/jwks',
  userinfo_endpoint: 'https://idp.example.com/me',
  end_session_endpoint: 'https://idp.example.com/session/end',
};
const SSO = { OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_ID: 'bar', OIDC_CLIENT_SECRET: 's3cret', NEXTAUTH_URL: 'https://bar.example.com', NEXTAUTH_SECRET: 'x'.repeat(64) };
const noSleep = async () => {};

function answering(document: unknown, status = 200): typeof fetch {
  return (async () => new Response(JSON.stringify(document), { status })) as typeof fetch;
}

describe('checkSignInConfiguration (issue 21, item 4)', () => {
  it('prints the redirect URI and passes with a reachable issuer', async () => {
    const result = await checkSignInConfiguration(SSO, { fetchImpl: answering(DISCOVERY), sleep: noSleep });
    expect(result.problems).toEqual([]);
    expect(result.notes.join('\n')).toContain('https://bar.example.com/api/auth/callback/oidc');
    expect(redirectUriFor('https://bar.example.com/')).toBe('https://bar.example.com/api/auth/callback/oidc');
  });

  it('stops on a missing or short secret', async () => {
    const { NEXTAUTH_SECRET: _secret, ...withoutSecret } = SSO;
    expect((await checkSignInConfiguration(withoutSecret, { fetchImpl: answering(DISCOVERY), sleep: noSleep })).problems.join()).toMatch(/NEXTAUTH_SECRET is not set/);
    expect((await checkSignInConfiguration({ ...SSO, NEXTAUTH_SECRET: 'short' }, { fetchImpl: answering(DISCOVERY), sleep: noSleep })).problems.join()).toMatch(/at least 32/);
  });

  it('names a wrong issuer and an unreachable one after retrying', async () => {
    const wrong = await checkSignInConfiguration(SSO, { fetchImpl: answering({ ...DISCOVERY, issuer: 'https://other.example.com' }), sleep: noSleep, attempts: 2 });
    expect(wrong.problems.join()).toMatch(/names issuer "https:\/\/other.example.com"/);
    let calls = 0;
    const down = (async () => {
      calls += 1;
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const unreachable = await checkSignInConfiguration(SSO, { fetchImpl: down, sleep: noSleep, attempts: 3 });
    expect(calls).toBe(3);
    expect(unreachable.problems.join()).toMatch(/could not be read after 3 attempts \(cannot reach/);
  });

  it('names half-configured single sign-on and a missing NEXTAUTH_URL', async () => {
    expect((await checkSignInConfiguration({ ...SSO, OIDC_CLIENT_SECRET: undefined }, { sleep: noSleep })).problems.join()).toMatch(/OIDC_CLIENT_SECRET is not set/);
    expect((await checkSignInConfiguration({ ...SSO, NEXTAUTH_URL: undefined }, { fetchImpl: answering(DISCOVERY), sleep: noSleep })).problems.join()).toMatch(/NEXTAUTH_URL is not set/);
  });

  it('lets demo mode start without a secret or SSO', async () => {
    expect((await checkSignInConfiguration({ DEMO_MODE: 'true' })).problems).toEqual([]);
  });
});
