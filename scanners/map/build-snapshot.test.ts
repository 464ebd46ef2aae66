import { describe, expect, it } from 'vitest';
import { authorizationDetailsSchema } from '../offline/schemas';
import type { AuthorizationDetails } from '../raw-types';
import { buildSnapshot } from './build-snapshot';
import { FIXTURE_ACCOUNT_ID, loadAuthorizationDetailsFixture, loadCredentialFixture, loadOrganizationFixture } from './fixtures/load-fixtures';

const CAPTURED_AT = '2026-11-01T00:00:00.000Z';

/** The fixture moved to another account: every ARN rewritten. */
function detailsFor(accountId: string): AuthorizationDetails {
  return authorizationDetailsSchema.parse(JSON.parse(JSON.stringify(loadAuthorizationDetailsFixture()).replaceAll(FIXTURE_ACCOUNT_ID, accountId)));
}

describe('buildSnapshot', () => {
  it('combines accounts and the organisation', () => {
    const result = buildSnapshot({
      capturedAt: CAPTURED_AT,
      organization: loadOrganizationFixture(),
      accounts: [{ accountId: FIXTURE_ACCOUNT_ID, details: loadAuthorizationDetailsFixture(), credentials: loadCredentialFixture() }],
    });
    expect(result.snapshot.capturedAt).toBe(CAPTURED_AT);
    expect(result.snapshot.accounts).toHaveLength(1);
    expect(result.snapshot.organization?.policies).toHaveLength(2);
    expect(result.accountFacts).toEqual([expect.objectContaining({ id: FIXTURE_ACCOUNT_ID, environment: 'prod', ownerEmail: 'maya@example.com' })]);
    expect(result.failedAccounts).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.snapshot.accounts[0].users[0].credentials).not.toBeNull();
  });

  it('gives accounts missing from the organisation file an unknown environment and a warning', () => {
    const result = buildSnapshot({ capturedAt: CAPTURED_AT, organization: loadOrganizationFixture(), accounts: [{ accountId: '999999999999', details: detailsFor('999999999999') }] });
    const facts = { id: '999999999999', name: '999999999999', ouPath: [], environment: 'unknown', ownerEmail: null, tags: {} };
    expect(result.accountFacts).toEqual([facts]);
    expect(result.snapshot.organization?.accounts).toContainEqual(facts);
    expect(result.warnings).toEqual([expect.stringContaining('999999999999 is not in the organisation file')]);
  });

  it('without an organisation file: organization is null, every account still has facts', () => {
    const result = buildSnapshot({ capturedAt: CAPTURED_AT, organization: null, accounts: [{ accountId: FIXTURE_ACCOUNT_ID, details: loadAuthorizationDetailsFixture() }] });
    expect(result.snapshot.organization).toBeNull();
    expect(result.accountFacts.map((facts) => [facts.id, facts.environment])).toEqual([[FIXTURE_ACCOUNT_ID, 'unknown']]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the other accounts when one fails to map', () => {
    const broken = detailsFor('222222222222');
    broken.Policies[0].PolicyVersionList = [];
    const result = buildSnapshot({
      capturedAt: CAPTURED_AT,
      organization: loadOrganizationFixture(),
      accounts: [
        { accountId: FIXTURE_ACCOUNT_ID, details: loadAuthorizationDetailsFixture() },
        { accountId: '222222222222', details: broken },
      ],
    });
    expect(result.snapshot.accounts.map((account) => account.accountId)).toEqual([FIXTURE_ACCOUNT_ID]);
    expect(result.failedAccounts).toEqual([{ accountId: '222222222222', error: expect.stringContaining('no default version') }]);
  });

  it('warns about attached managed policies whose documents are missing', () => {
    const details = loadAuthorizationDetailsFixture();
    details.Policies = details.Policies.filter((policy) => policy.PolicyName !== 'AmazonBedrockReadOnly');
    const result = buildSnapshot({ capturedAt: CAPTURED_AT, organization: null, accounts: [{ accountId: FIXTURE_ACCOUNT_ID, details }] });
    expect(result.warnings).toEqual([expect.stringContaining('arn:aws:iam::aws:policy/AmazonBedrockReadOnly')]);
  });

  it('ignores credential data that belongs to another account', () => {
    const credentials = { ...loadCredentialFixture(), accountId: '222222222222' };
    const result = buildSnapshot({ capturedAt: CAPTURED_AT, organization: null, accounts: [{ accountId: FIXTURE_ACCOUNT_ID, details: loadAuthorizationDetailsFixture(), credentials }] });
    expect(result.snapshot.accounts[0].users[0].credentials).toBeNull();
    expect(result.warnings).toEqual([expect.stringContaining('credential data is for account 222222222222')]);
  });
});
