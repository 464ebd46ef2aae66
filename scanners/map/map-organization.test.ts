import { describe, expect, it } from 'vitest';
import { loadOrganizationFixture } from './fixtures/load-fixtures';
import { environmentFromTag, mapOrganization } from './map-organization';

describe('mapOrganization', () => {
  const facts = mapOrganization(loadOrganizationFixture());
  const byId = new Map(facts.accounts.map((account) => [account.id, account]));

  it('keeps the organisation id and management account', () => {
    expect(facts).toMatchObject({ id: 'o-example123', managementAccountId: '111111111111' });
  });

  it('gives every account its OU path, root first', () => {
    expect(byId.get('123456789012')?.ouPath).toEqual([
      { id: 'r-ab12', name: 'Root' },
      { id: 'ou-ab12-work0001', name: 'Workloads' },
      { id: 'ou-ab12-prod0001', name: 'Prod' },
    ]);
    expect(byId.get('111111111111')?.ouPath).toEqual([{ id: 'r-ab12', name: 'Root' }]);
    // A parent missing from a partial export gives an empty path, not a crash.
    expect(byId.get('666666666666')?.ouPath).toEqual([]);
  });

  it('reads environment and owner from the account tags', () => {
    expect(byId.get('111111111111')).toMatchObject({ environment: 'prod', ownerEmail: 'noah@example.com' });
    expect(byId.get('123456789012')).toMatchObject({ environment: 'prod', ownerEmail: 'maya@example.com', name: 'genai-prod' });
    expect(byId.get('222222222222')).toMatchObject({ environment: 'nonprod', ownerEmail: null });
    expect(byId.get('333333333333')).toMatchObject({ environment: 'nonprod', ownerEmail: null });
    expect(byId.get('444444444444')?.environment).toBe('sandbox');
    expect(byId.get('555555555555')?.environment).toBe('unknown');
    expect(byId.get('666666666666')).toMatchObject({ environment: 'unknown', ownerEmail: null, tags: {} });
  });

  it('keeps SCPs and RCPs with their targets and documents as given', () => {
    expect(facts.policies.map((policy) => [policy.name, policy.kind, policy.targetIds.length])).toEqual([
      ['FullAWSAccess', 'scp', 4],
      ['EnforceOrgIdentities', 'rcp', 1],
    ]);
    expect(typeof facts.policies[0].document).toBe('string');
    expect(typeof facts.policies[1].document).toBe('object');
  });

  it('survives a cycle in the OU parents', () => {
    const file = loadOrganizationFixture();
    file.organizationalUnits.push({ id: 'ou-loop-a', name: 'A', parentId: 'ou-loop-b' }, { id: 'ou-loop-b', name: 'B', parentId: 'ou-loop-a' });
    file.accounts[0].parentId = 'ou-loop-a';
    expect(mapOrganization(file).accounts[0].ouPath.map((unit) => unit.name)).toEqual(['B', 'A']);
  });
});

describe('environmentFromTag', () => {
  it.each([
    ['prod', 'prod'],
    ['Production', 'prod'],
    ['nonprod', 'nonprod'],
    ['staging', 'nonprod'],
    ['dev', 'nonprod'],
    [' sandbox ', 'sandbox'],
    ['shared', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s -> %s', (value, expected) => {
    expect(environmentFromTag(value)).toBe(expected);
  });
});
