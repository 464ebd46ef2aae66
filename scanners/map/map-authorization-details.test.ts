import { describe, expect, it } from 'vitest';
import { FIXTURE_ACCOUNT_ID, loadAuthorizationDetailsFixture, loadCredentialFixture } from './fixtures/load-fixtures';
import { AuthorizationDetailsMappingError, isAwsManagedPolicyArn, mapAuthorizationDetails, normalizeDate, parsePermissionSetName } from './map-authorization-details';

function mapFixture(withCredentials: boolean) {
  return mapAuthorizationDetails({ accountId: FIXTURE_ACCOUNT_ID, details: loadAuthorizationDetailsFixture(), credentials: withCredentials ? loadCredentialFixture() : null });
}

describe('mapAuthorizationDetails', () => {
  it('maps every user, group and role of the recorded shape', () => {
    const account = mapFixture(true);
    expect(account.accountId).toBe(FIXTURE_ACCOUNT_ID);
    expect(account.users.map((user) => user.name)).toEqual(['maya.chen', 'legacy-bot']);
    expect(account.groups.map((group) => group.name)).toEqual(['ml-engineers']);
    expect(account.roles.map((role) => role.name)).toEqual(['AWSReservedSSO_Bedrock_Developer_0123456789abcdef', 'github-deployer', 'AWSServiceRoleForSupport']);
  });

  it('carries user facts: groups, inline and attached policies, boundary, tags', () => {
    const [maya] = mapFixture(true).users;
    expect(maya).toMatchObject({
      type: 'user',
      arn: 'arn:aws:iam::123456789012:user/people/maya.chen',
      id: 'AIDAEXAMPLEUSER00001',
      path: '/people/',
      accountId: FIXTURE_ACCOUNT_ID,
      createDate: '2024-03-01T09:15:00.000Z',
      groupNames: ['ml-engineers'],
      attachedManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockReadOnly'],
      permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundaries/DeveloperBoundary',
      tags: { owner: 'maya@example.com', team: 'genai' },
    });
  });

  it('passes URL-encoded documents through untouched (the engine decodes them)', () => {
    const raw = loadAuthorizationDetailsFixture();
    const account = mapFixture(false);
    const rawInline = raw.UserDetailList[0].UserPolicyList?.[0].PolicyDocument;
    expect(typeof rawInline).toBe('string');
    expect(String(rawInline)).toMatch(/^%7B%22Version%22/);
    expect(account.users[0].inlinePolicies).toEqual([{ name: 'invoke-sonnet', document: rawInline }]);
    expect(account.roles[1].trustPolicy).toBe(raw.RoleDetailList[1].AssumeRolePolicyDocument);
    expect(account.roles[0].trustPolicy).toEqual(raw.RoleDetailList[0].AssumeRolePolicyDocument);
  });

  it('keeps only the default policy version, even when an older one grants more', () => {
    const account = mapFixture(false);
    const approved = account.managedPolicies.find((policy) => policy.name === 'BedrockInvokeApproved');
    expect(approved?.defaultVersionId).toBe('v2');
    expect(decodeURIComponent(String(approved?.document))).toContain('anthropic.claude-3-haiku');
    expect(decodeURIComponent(String(approved?.document))).not.toContain('bedrock:*');
  });

  it('tells AWS managed from customer managed policies', () => {
    const byName = new Map(mapFixture(false).managedPolicies.map((policy) => [policy.name, policy]));
    expect(byName.get('AmazonBedrockReadOnly')?.isAwsManaged).toBe(true);
    expect(byName.get('BedrockInvokeApproved')?.isAwsManaged).toBe(false);
    expect(byName.get('DeveloperBoundary')).toMatchObject({ path: '/boundaries/', isAwsManaged: false });
  });

  it('reads the permission-set name, service-linked flag and last use of roles', () => {
    const [sso, github, support] = mapFixture(false).roles;
    expect(sso).toMatchObject({ permissionSetName: 'Bedrock_Developer', isServiceLinked: false, lastUsedDate: '2026-10-30T12:00:00.000Z', lastUsedRegion: 'eu-west-1' });
    expect(github).toMatchObject({ permissionSetName: null, isServiceLinked: false, lastUsedDate: null, lastUsedRegion: null, tags: { owner: 'liam@example.com' } });
    expect(support).toMatchObject({ permissionSetName: null, isServiceLinked: true, lastUsedDate: null, tags: {} });
  });

  it('attaches credential facts by user name; users missing from the data get null', () => {
    const [maya, legacy] = mapFixture(true).users;
    expect(maya.credentials).toEqual({
      accessKeys: [{ id: 'AKIAEXAMPLEKEY000001', status: 'Active', createDate: '2024-03-02T00:00:00.000Z', lastUsedDate: null, lastUsedService: null }],
      serviceCredentials: [{ id: 'ACCAEXAMPLECRED00001', serviceName: 'bedrock.amazonaws.com', status: 'Active', createDate: '2026-09-01T00:00:00.000Z', expirationDate: null }],
      hasConsolePassword: true,
      passwordLastUsed: '2026-10-20T08:00:00.000Z',
      hasMfa: false,
    });
    expect(legacy.credentials).toBeNull();
    expect(mapFixture(false).users.every((user) => user.credentials === null)).toBe(true);
  });

  it('does not mutate its input', () => {
    const details = loadAuthorizationDetailsFixture();
    const before = JSON.stringify(details);
    const account = mapAuthorizationDetails({ accountId: FIXTURE_ACCOUNT_ID, details });
    account.users[0].groupNames.push('changed');
    account.users[0].inlinePolicies.pop();
    expect(JSON.stringify(details)).toBe(before);
  });

  it('throws a typed error when a managed policy lacks its default version', () => {
    const details = loadAuthorizationDetailsFixture();
    details.Policies[0].PolicyVersionList = details.Policies[0].PolicyVersionList.filter((version) => !version.IsDefaultVersion);
    expect(() => mapAuthorizationDetails({ accountId: FIXTURE_ACCOUNT_ID, details })).toThrow(AuthorizationDetailsMappingError);
  });

  it('falls back to DefaultVersionId when no version is flagged default', () => {
    const details = loadAuthorizationDetailsFixture();
    for (const version of details.Policies[0].PolicyVersionList) version.IsDefaultVersion = false;
    const approved = mapAuthorizationDetails({ accountId: FIXTURE_ACCOUNT_ID, details }).managedPolicies[0];
    expect(approved.defaultVersionId).toBe('v2');
  });
});

describe('helpers', () => {
  it.each([
    ['AWSReservedSSO_AdministratorAccess_49d151ca0023a084', '/aws-reserved/sso.amazonaws.com/', 'AdministratorAccess'],
    ['AWSReservedSSO_Data_Scientist_49d151ca0023a084', '/aws-reserved/sso.amazonaws.com/us-west-2/', 'Data_Scientist'],
    ['AWSReservedSSO_AdministratorAccess_49d151ca0023a084', '/', null],
    ['AWSReservedSSO_AdministratorAccess', '/aws-reserved/sso.amazonaws.com/', null],
    ['my-role', '/aws-reserved/sso.amazonaws.com/', null],
  ])('parsePermissionSetName(%s, %s) = %s', (name, path, expected) => {
    expect(parsePermissionSetName(name, path)).toBe(expected);
  });

  it.each([
    ['arn:aws:iam::aws:policy/AdministratorAccess', true],
    ['arn:aws:iam::aws:policy/service-role/AWS_ConfigRole', true],
    ['arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess', true],
    ['arn:aws:iam::123456789012:policy/aws/Mine', false],
  ])('isAwsManagedPolicyArn(%s) = %s', (arn, expected) => {
    expect(isAwsManagedPolicyArn(arn)).toBe(expected);
  });

  it('normalises CLI and SDK dates to one form and keeps unparseable text', () => {
    expect(normalizeDate('2026-10-31T12:00:00+00:00')).toBe('2026-10-31T12:00:00.000Z');
    expect(normalizeDate('2026-10-31T12:00:00Z')).toBe('2026-10-31T12:00:00.000Z');
    expect(normalizeDate('not a date')).toBe('not a date');
  });
});
