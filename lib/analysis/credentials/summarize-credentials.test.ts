import { describe, expect, it } from 'vitest';
import type { RoleFacts, UserCredentialFacts, UserFacts } from '../types';
import {
  assessBedrockUse,
  daysSince,
  lastBedrockUseDaysAgo,
  listActiveAccessKeys,
  listActiveBedrockApiKeyIds,
  summarizeCredentials,
} from './summarize-credentials';

const now = new Date('2025-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

const base = {
  id: 'ID',
  path: '/',
  accountId: '111111111111',
  createDate: daysAgo(800),
  inlinePolicies: [],
  attachedManagedPolicyArns: [],
  permissionsBoundaryArn: null,
  tags: {},
};

function user(credentials: Partial<UserCredentialFacts> | null, createdDaysAgo = 800): UserFacts {
  return {
    ...base,
    createDate: daysAgo(createdDaysAgo),
    type: 'user',
    arn: 'arn:aws:iam::111111111111:user/alice',
    name: 'alice',
    groupNames: [],
    credentials:
      credentials === null
        ? null
        : { accessKeys: [], serviceCredentials: [], hasConsolePassword: false, passwordLastUsed: null, hasMfa: false, ...credentials },
  };
}

function role(lastUsedDaysAgo: number | null, createdDaysAgo = 800): RoleFacts {
  return {
    ...base,
    createDate: daysAgo(createdDaysAgo),
    type: 'role',
    arn: 'arn:aws:iam::111111111111:role/app',
    name: 'app',
    trustPolicy: '{}',
    lastUsedDate: lastUsedDaysAgo === null ? null : daysAgo(lastUsedDaysAgo),
    lastUsedRegion: 'us-east-1',
    permissionSetName: null,
    isServiceLinked: false,
  };
}

const key = (id: string, createdDaysAgo: number, lastUsedDaysAgo: number | null, service: string | null, status: 'Active' | 'Inactive' = 'Active') => ({
  id,
  status,
  createDate: daysAgo(createdDaysAgo),
  lastUsedDate: lastUsedDaysAgo === null ? null : daysAgo(lastUsedDaysAgo),
  lastUsedService: service,
});

describe('daysSince', () => {
  it('counts whole days, never negative, null for missing or bad dates', () => {
    expect(daysSince(daysAgo(3.5), now)).toBe(3);
    expect(daysSince(daysAgo(-2), now)).toBe(0);
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince('not a date', now)).toBeNull();
  });
});

describe('summarizeCredentials', () => {
  it('summarises a user with keys, a Bedrock API key and a console password without MFA', () => {
    const alice = user({
      accessKeys: [key('AKIA1', 400, 5, 'bedrock'), key('AKIA2', 30, null, null), key('AKIA3', 900, 1, 's3', 'Inactive')],
      serviceCredentials: [
        { id: 'ACCA1', serviceName: 'bedrock.amazonaws.com', status: 'Active', createDate: daysAgo(10), expirationDate: null },
        { id: 'ACCA2', serviceName: 'codecommit.amazonaws.com', status: 'Active', createDate: daysAgo(10), expirationDate: null },
      ],
      hasConsolePassword: true,
      passwordLastUsed: daysAgo(20),
    });
    expect(summarizeCredentials(alice, now)).toEqual({
      activeAccessKeyCount: 2,
      oldestActiveKeyAgeDays: 400,
      lastKeyUseDaysAgo: 1,
      hasBedrockApiKey: true,
      hasConsolePasswordWithoutMfa: true,
      roleLastUsedDaysAgo: null,
      lastBedrockUseDaysAgo: 5,
    });
  });

  it('lists active keys oldest first and flags never-used and stale keys', () => {
    const alice = user({ accessKeys: [key('AKIA2', 30, null, null), key('AKIA1', 400, 120, 'bedrock'), key('AKIA3', 200, 10, 'sts')] });
    expect(listActiveAccessKeys(alice, now).map(({ id, isUnused }) => [id, isUnused])).toEqual([
      ['AKIA1', true],
      ['AKIA3', false],
      ['AKIA2', true],
    ]);
  });

  it('ignores expired and inactive Bedrock API keys', () => {
    const alice = user({
      serviceCredentials: [
        { id: 'ACCA1', serviceName: 'bedrock.amazonaws.com', status: 'Active', createDate: daysAgo(40), expirationDate: daysAgo(10) },
        { id: 'ACCA2', serviceName: 'bedrock.amazonaws.com', status: 'Inactive', createDate: daysAgo(40), expirationDate: null },
        { id: 'ACCA3', serviceName: 'bedrock.amazonaws.com', status: 'Active', createDate: daysAgo(40), expirationDate: daysAgo(-10) },
      ],
    });
    expect(listActiveBedrockApiKeyIds(alice, now)).toEqual(['ACCA3']);
  });

  it('with MFA the console password is not flagged', () => {
    expect(summarizeCredentials(user({ hasConsolePassword: true, hasMfa: true }), now).hasConsolePasswordWithoutMfa).toBe(false);
  });

  it('reports zeros and nulls for a user without credential data', () => {
    expect(summarizeCredentials(user(null), now)).toMatchObject({ activeAccessKeyCount: 0, hasBedrockApiKey: false, lastBedrockUseDaysAgo: null });
  });

  it('roles only carry their last use', () => {
    expect(summarizeCredentials(role(12), now)).toMatchObject({ activeAccessKeyCount: 0, roleLastUsedDaysAgo: 12, lastBedrockUseDaysAgo: 12 });
  });
});

describe('lastBedrockUseDaysAgo and assessBedrockUse', () => {
  it('for users counts keys last used with Bedrock and console use, not other services', () => {
    expect(lastBedrockUseDaysAgo(user({ accessKeys: [key('AKIA1', 400, 2, 's3'), key('AKIA2', 400, 50, 'bedrock')] }), now)).toBe(50);
    expect(lastBedrockUseDaysAgo(user({ accessKeys: [key('AKIA1', 400, 2, 's3')] }), now)).toBeNull();
    expect(lastBedrockUseDaysAgo(user({ passwordLastUsed: daysAgo(7) }), now)).toBe(7);
  });

  it('roles: used, unused after 90 days, never used but old, too young to judge', () => {
    expect(assessBedrockUse(role(30), now)).toEqual({ status: 'used', lastUseDaysAgo: 30 });
    expect(assessBedrockUse(role(91), now)).toEqual({ status: 'unused', lastUseDaysAgo: 91 });
    expect(assessBedrockUse(role(90), now).status).toBe('used');
    expect(assessBedrockUse(role(null), now)).toEqual({ status: 'unused', lastUseDaysAgo: null });
    expect(assessBedrockUse(role(null, 10), now)).toEqual({ status: 'used', lastUseDaysAgo: null });
  });

  it('users without credential data are unknown, never unused', () => {
    expect(assessBedrockUse(user(null), now).status).toBe('unknown');
    expect(assessBedrockUse(user({ accessKeys: [key('AKIA1', 400, 200, 'bedrock')] }), now).status).toBe('unused');
  });
});
