import { describe, expect, it } from 'vitest';
import { diverseParameters } from './diverse-parameters';
import { generateDiverseOrganization } from './generate-diverse-organization';

const parameters = diverseParameters({ seed: 'test', accountCount: 30, principalsPerAccount: 60 });

describe('generateDiverseOrganization', () => {
  it('is deterministic by seed, and another seed gives another organisation', () => {
    const first = JSON.stringify([...generateDiverseOrganization(parameters)]);
    expect(JSON.stringify([...generateDiverseOrganization(parameters)])).toBe(first);
    expect(JSON.stringify([...generateDiverseOrganization({ ...parameters, seed: 'other' })])).not.toBe(first);
  });

  it('has every trust kind of the issue, per-account policies and the asked number of principals', () => {
    const accounts = [...generateDiverseOrganization(parameters)];
    const trusts = accounts.flatMap((account) => account.authorizationDetails.RoleDetailList.map((role) => JSON.stringify(role.AssumeRolePolicyDocument)));
    const accountIds = new Set(accounts.map((account) => account.accountId));
    const crossAccountRoot = accounts.flatMap((account) =>
      account.authorizationDetails.RoleDetailList.filter((role) => {
        const match = /"AWS":"arn:aws:iam::(\d{12}):root"/.exec(JSON.stringify(role.AssumeRolePolicyDocument));
        return match !== null && match[1] !== account.accountId && accountIds.has(match[1]);
      }),
    );
    expect(crossAccountRoot.length).toBeGreaterThan(0);
    expect(trusts.some((text) => text.includes('"AWS":"*"') && text.includes('aws:PrincipalOrgID'))).toBe(true);
    expect(trusts.some((text) => text.includes('oidc-provider') && text.includes('"StringLike"'))).toBe(true);
    expect(trusts.some((text) => text.includes('oidc-provider') && !text.includes('"StringLike"'))).toBe(true);
    expect(trusts.some((text) => text.includes('"Service"'))).toBe(true);
    expect(trusts.some((text) => text.includes('saml-provider'))).toBe(true);
    expect(trusts.some((text) => /"AWS":\["arn:aws:iam::\d{12}:role\/ci\/deployer-0"/.test(text))).toBe(true);
    // Customer policies are drawn per account: no two accounts hold the same document.
    const documents = accounts.map((account) => JSON.stringify(account.authorizationDetails.Policies.filter((policy) => !policy.Arn.includes(':aws:policy/')).map((policy) => policy.PolicyVersionList)));
    expect(new Set(documents).size).toBe(accounts.length);
    for (const account of accounts) expect(account.authorizationDetails.UserDetailList.length + account.authorizationDetails.RoleDetailList.length).toBeGreaterThanOrEqual(60);
  });
});
