import { describe, expect, it } from 'vitest';
import type { PolicyDocumentSource, RoleFacts, TrustEntry } from '../types';
import { analyzeTrustPolicy, createTrustAnalyzer, isOrganizationScoped, summarizeExposure } from './analyze-trust';
import table from './cases/analyze-trust.cases.json';
import { TrustPolicyParseError } from './parse-trust-document';
import { roleFacts } from '../test-support/principal-facts';

function role(trustPolicy: PolicyDocumentSource, accountId = table.roleAccountId): RoleFacts {
  return roleFacts('example', { accountId, trustPolicy });
}

const organization = new Set(table.organizationAccountIds);

describe('analyzeTrustPolicy (table)', () => {
  it.each(table.cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const entries = analyzeTrustPolicy(role(testCase.given as PolicyDocumentSource), organization);
    expect(entries).toHaveLength(testCase.then.length);
    testCase.then.forEach((expected, index) => expect(entries[index]).toMatchObject(expected));
  });
});

describe('analyzeTrustPolicy', () => {
  it('carries allow conditions with source "allow"', () => {
    const [entry] = analyzeTrustPolicy(
      role({
        Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }],
      }),
      organization,
    );
    expect(entry.conditions).toEqual([{ source: 'allow', operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'], policyName: 'trust policy' }]);
  });

  it('throws a typed error for a document that is not JSON', () => {
    expect(() => analyzeTrustPolicy(role('{not json'), organization)).toThrow(TrustPolicyParseError);
  });

  it('removes exact duplicates across statements', () => {
    const statement = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
    expect(analyzeTrustPolicy(role({ Statement: [statement, statement] }), organization)).toHaveLength(1);
  });

  it('treats Allow with NotPrincipal as public', () => {
    const entries = analyzeTrustPolicy(
      role({ Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' }] }),
      organization,
    );
    expect(entries).toMatchObject([{ kind: 'public', principal: '*' }]);
  });

  it('classifies an account outside the organisation set as external even if it trusts the role account', () => {
    const entries = analyzeTrustPolicy(role({ Statement: [{ Effect: 'Allow', Principal: { AWS: '444444444444' }, Action: 'sts:AssumeRole' }] }), new Set());
    expect(entries[0].kind).toBe('external-account');
  });
});

function entry(overrides: Partial<TrustEntry>): TrustEntry {
  return { kind: 'same-account', principal: '111111111111', accountId: '111111111111', isConditional: false, conditions: [], isSubjectPinned: null, oidcProvider: null, ...overrides };
}

describe('summarizeExposure', () => {
  it('same-account and SAML trusts stay inside the organisation', () => {
    const exposure = summarizeExposure([entry({}), entry({ kind: 'saml', principal: 'arn:aws:iam::111111111111:saml-provider/AWSSSO_x' })], []);
    expect(exposure).toMatchObject({ isReachableFromOutsideOrganization: false, hasUnpinnedOidcTrust: false, hasPublicTrust: false });
  });

  it('flags external accounts, unpinned OIDC and public trust', () => {
    expect(summarizeExposure([entry({ kind: 'external-account', accountId: '999999999999' })], []).isReachableFromOutsideOrganization).toBe(true);
    const oidc = summarizeExposure([entry({ kind: 'oidc', isSubjectPinned: false, oidcProvider: 'token.actions.githubusercontent.com' })], []);
    expect(oidc).toMatchObject({ isReachableFromOutsideOrganization: true, hasUnpinnedOidcTrust: true });
    expect(summarizeExposure([entry({ kind: 'public', principal: '*' })], []).hasPublicTrust).toBe(true);
  });

  it('an org-scoped `*` is public but not reachable from outside the organisation', () => {
    const scoped = entry({
      kind: 'public',
      principal: '*',
      isConditional: true,
      conditions: [{ source: 'allow', operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-abc'], policyName: 'trust policy' }],
    });
    expect(isOrganizationScoped(scoped)).toBe(true);
    expect(summarizeExposure([scoped], [])).toMatchObject({ hasPublicTrust: true, isReachableFromOutsideOrganization: false });
  });

  it('keeps the assumableBy paths it is given', () => {
    const paths = [{ chain: ['arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:role/example'] }];
    expect(summarizeExposure([], paths).assumableBy).toBe(paths);
  });
});

describe('createTrustAnalyzer', () => {
  const trustsAccount = (accountId: string) => ({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }] });

  it('shares one result between roles of one account with equal documents, written as object or text', () => {
    const analyze = createTrustAnalyzer(organization);
    const document = trustsAccount(table.roleAccountId);
    const first = analyze(role(document));
    expect(analyze(role(JSON.parse(JSON.stringify(document))))).toBe(first);
    expect(analyze(role(JSON.stringify(document)))).toEqual(first);
    expect(first).toEqual(analyzeTrustPolicy(role(document), organization));
  });

  it('classifies the same document again in another account (same-account there, organisation account here)', () => {
    const analyze = createTrustAnalyzer(organization);
    const [otherAccountId] = table.organizationAccountIds.filter((id) => id !== table.roleAccountId);
    const document = trustsAccount(otherAccountId);
    expect(analyze(role(document))[0].kind).toBe('organization-account');
    expect(analyze(role(document, otherAccountId))[0].kind).toBe('same-account');
  });

  it('throws the typed parse error for every role with a broken document', () => {
    const analyze = createTrustAnalyzer(organization);
    expect(() => analyze(role('{not json'))).toThrow(TrustPolicyParseError);
    expect(() => analyze(role('{not json'))).toThrow(TrustPolicyParseError);
  });
});
