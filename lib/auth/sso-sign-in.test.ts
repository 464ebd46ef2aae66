import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '../config/schema';
import { readDirectoryClaims, needsUserinfo } from './directory-claims';
import { mapDirectoryRole, planSsoSignIn, type KnownUser } from './sso-sign-in';
import { DIRECTORY_GROUP_RULES } from './test-support/directory-group-rules';

const PLAIN: AuthConfig = { trustedProxyHops: 0, allowMissingEmailVerified: false, roleMapping: null };
const MAPPED: AuthConfig = {
  ...PLAIN,
  roleMapping: {
    claim: 'groups',
    rules: DIRECTORY_GROUP_RULES,
    justInTimeProvisioning: false,
  },
};
const JIT: AuthConfig = { ...MAPPED, roleMapping: { ...MAPPED.roleMapping!, justInTimeProvisioning: true } };

const admin: KnownUser = { id: 1, email: 'admin@example.com', role: 'admin', isActive: true, source: 'cli' };

function claims(overrides: Record<string, unknown>, userinfo: Record<string, unknown> | null = null, roleClaim: string | null = 'groups') {
  return readDirectoryClaims({ sub: 'u-1', ...overrides }, userinfo, roleClaim);
}

describe('readDirectoryClaims (issue 21, items 1, 2)', () => {
  it('takes email and email_verified from userinfo when the ID token has no email', () => {
    const merged = claims({}, { sub: 'u-1', email: 'Admin@Example.com', email_verified: true, groups: ['bar-admins'] });
    expect(merged).toEqual({ subject: 'u-1', email: 'admin@example.com', emailVerified: true, name: null, roleClaimValues: ['bar-admins'] });
    expect(needsUserinfo({ sub: 'u-1' }, null)).toBe(true);
    expect(needsUserinfo({ sub: 'u-1', email: 'a@example.com' }, null)).toBe(false);
    expect(needsUserinfo({ sub: 'u-1', email: 'a@example.com' }, 'groups')).toBe(true);
  });

  it('ignores a userinfo answer about another subject', () => {
    expect(claims({}, { sub: 'someone-else', email: 'admin@example.com', email_verified: true }).email).toBeNull();
  });

  it('keeps email_verified with the email it describes, and reads string flags and nested claims', () => {
    expect(claims({ email: 'a@example.com', email_verified: false }, { sub: 'u-1', email_verified: true }).emailVerified).toBe(false);
    expect(claims({ email: 'a@example.com', email_verified: 'true' }).emailVerified).toBe(true);
    expect(claims({ email: 'a@example.com' }).emailVerified).toBeNull();
    expect(readDirectoryClaims({ sub: 'x', realm_access: { roles: ['bar-auditors'] } }, null, 'realm_access.roles').roleClaimValues).toEqual(['bar-auditors']);
    expect(claims({ groups: 'bar-owners bar-auditors' }).roleClaimValues).toEqual(['bar-owners', 'bar-auditors']);
  });
});

describe('mapDirectoryRole', () => {
  it('grants the most privileged matching role', () => {
    expect(mapDirectoryRole(['bar-owners', 'bar-auditors'], MAPPED.roleMapping!.rules)).toBe('auditor');
    expect(mapDirectoryRole(['bar-owners', 'bar-admins'], MAPPED.roleMapping!.rules)).toBe('admin');
    expect(mapDirectoryRole(['engineering'], MAPPED.roleMapping!.rules)).toBeNull();
    expect(mapDirectoryRole(null, MAPPED.roleMapping!.rules)).toBeNull();
  });
});

describe('planSsoSignIn', () => {
  it('refuses email_verified: false, even for an admin (the old code signed them in)', () => {
    expect(planSsoSignIn(claims({ email: 'admin@example.com', email_verified: false }), admin, PLAIN)).toMatchObject({ kind: 'refuse', reason: 'EmailUnverified' });
  });

  it('refuses a missing email_verified unless configured for providers that never send it', () => {
    expect(planSsoSignIn(claims({ email: 'admin@example.com' }), admin, PLAIN)).toMatchObject({ kind: 'refuse', reason: 'EmailUnverified' });
    expect(planSsoSignIn(claims({ email: 'admin@example.com' }), admin, { ...PLAIN, allowMissingEmailVerified: true })).toMatchObject({ kind: 'allow' });
    expect(planSsoSignIn(claims({ email: 'admin@example.com', email_verified: false }), admin, { ...PLAIN, allowMissingEmailVerified: true })).toMatchObject({ kind: 'refuse' });
  });

  it('refuses no email, unknown and deactivated users with their reasons', () => {
    expect(planSsoSignIn(claims({}), null, PLAIN)).toMatchObject({ kind: 'refuse', reason: 'EmailMissing' });
    expect(planSsoSignIn(claims({ email: 'mallory@example.com', email_verified: true }), null, PLAIN)).toMatchObject({ kind: 'refuse', reason: 'NotProvisioned' });
    expect(planSsoSignIn(claims({ email: 'admin@example.com', email_verified: true }), { ...admin, isActive: false }, PLAIN)).toMatchObject({ kind: 'refuse', reason: 'Deactivated' });
  });

  it('applies the role mapping at each sign-in and reports the change', () => {
    const owner: KnownUser = { id: 2, email: 'maya@example.com', role: 'owner', isActive: true, source: 'cli' };
    expect(planSsoSignIn(claims({ email: 'maya@example.com', email_verified: true, groups: ['bar-auditors'] }), owner, MAPPED)).toMatchObject({ kind: 'allow', roleChange: { from: 'owner', to: 'auditor' }, create: null });
    expect(planSsoSignIn(claims({ email: 'maya@example.com', email_verified: true, groups: ['bar-owners'] }), owner, MAPPED)).toMatchObject({ kind: 'allow', roleChange: null });
  });

  it('keeps CLI users without a mapped role, and refuses directory users who lost theirs', () => {
    expect(planSsoSignIn(claims({ email: 'admin@example.com', email_verified: true, groups: [] }), admin, MAPPED)).toMatchObject({ kind: 'allow', roleChange: null });
    expect(planSsoSignIn(claims({ email: 'admin@example.com', email_verified: true }), { ...admin, source: 'directory' }, MAPPED)).toMatchObject({ kind: 'refuse', reason: 'NoDirectoryRole' });
  });

  it('provisions just in time only when switched on and a rule grants a role', () => {
    const newcomer = claims({ email: 'zoe@example.com', email_verified: true, name: 'Zoe', groups: ['bar-auditors'] });
    expect(planSsoSignIn(newcomer, null, MAPPED)).toMatchObject({ kind: 'refuse', reason: 'NotProvisioned' });
    expect(planSsoSignIn(newcomer, null, JIT)).toEqual({ kind: 'allow', email: 'zoe@example.com', name: 'Zoe', create: { role: 'auditor' }, roleChange: null });
    expect(planSsoSignIn(claims({ email: 'zoe@example.com', email_verified: true, groups: ['other'] }), null, JIT)).toMatchObject({ kind: 'refuse', reason: 'NotProvisioned' });
  });
});
