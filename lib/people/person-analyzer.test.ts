import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../analysis/blast-radius/weights';
import { DEFAULT_SOD_RULES } from '../analysis/sod/default-rules';
import type { Environment, Exposure, Grant, Tier } from '../analysis/types';
import type { RoleAccess } from './analyze-person';
import type { PersonAssignment } from './link-roles';
import { createPersonAnalyzer } from './person-analyzer';
import { bitsToHex, countBits, expandPersonAnalysis, namesOfHex, readStoredPersonAnalysis, type StoredPersonAnalysis } from './stored-person-analysis';
import { referenceAnalyzePerson } from './test-support/reference-analyze-person';

const CATALOGUE: Array<[string, Tier]> = [
  ['bedrock:InvokeModel', 'invoke'],
  ['bedrock:InvokeModelWithResponseStream', 'invoke'],
  ['bedrock:CreateModelCustomizationJob', 'customize'],
  ['bedrock:PutModelInvocationLoggingConfiguration', 'govern'],
  ['bedrock:DeleteGuardrail', 'govern'],
  ['bedrock:CreateAgent', 'build'],
  ['bedrock:InvokeAgent', 'agent'],
  ['bedrock:ListFoundationModels', 'read'],
  ['bedrock:CreateProvisionedModelThroughput', 'provision'],
];
const RESOURCES = ['*', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2', 'arn:aws:bedrock:*::foundation-model/amazon.titan-*'];
const REGIONS = [['*'], ['us-east-1'], ['eu-west-1', 'us-east-1'], ['eu-*']];
const ENVIRONMENTS: Environment[] = ['prod', 'nonprod', 'sandbox', 'unknown'];

/** A linear congruential generator: the same organisation on every run. */
function randomSource(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % limit;
  };
}

function grant(action: string, tier: Tier, random: (limit: number) => number): Grant {
  return {
    action,
    tier,
    resources: [RESOURCES[random(RESOURCES.length)]],
    notResources: [],
    regions: REGIONS[random(REGIONS.length)],
    conditions: [],
    isConditional: false,
    requiresGuardrail: random(3) === 0,
    path: { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/X', policyName: 'X', isAwsManaged: true, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 },
  };
}

function exposureOf(random: (limit: number) => number): Exposure {
  const saml = { kind: 'saml' as const, principal: 'arn:aws:iam::111111111111:saml-provider/AWSSSO_abc_DO_NOT_DELETE', accountId: '111111111111', isConditional: true, conditions: [], isSubjectPinned: null, oidcProvider: null };
  const chain = random(3) === 0 ? [{ chain: [`arn:aws:iam::333333333333:role/ci-${random(3)}`], isConditional: false }] : [];
  return { trusts: [saml], assumableBy: chain as unknown as Exposure['assumableBy'], isReachableFromOutsideOrganization: random(5) === 0, hasUnpinnedOidcTrust: random(7) === 0, hasPublicTrust: false };
}

/** Roles in a few accounts; some share one grants array (the same permission set provisioned twice), some hold nothing in Bedrock. */
function organisation(seed: number, roleCount: number): RoleAccess[] {
  const random = randomSource(seed);
  const sharedGrants: Grant[][] = [];
  return Array.from({ length: roleCount }, (_, index) => {
    const accountId = String(100000000000 + random(6));
    let grants: Grant[];
    if (sharedGrants.length > 0 && random(3) === 0) grants = sharedGrants[random(sharedGrants.length)];
    else {
      grants = random(6) === 0 ? [] : Array.from({ length: 1 + random(5) }, () => grant(...CATALOGUE[random(CATALOGUE.length)], random));
      sharedGrants.push(grants);
    }
    const supportingGrants = random(4) === 0 ? [{ ...grant('iam:PassRole', 'read', random) }] : [];
    const reach = grants.length > 0 ? [accountId, ...(random(3) === 0 ? [String(100000000000 + random(9))] : [])] : [];
    return { arn: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Set${index}_${String(index).padStart(16, '0')}`, accountId, environment: ENVIRONMENTS[random(ENVIRONMENTS.length)], grants, supportingGrants, exposure: exposureOf(random), reachAccountIds: reach };
  });
}

function assignments(userId: string, roleArns: Array<string | null>): PersonAssignment[] {
  return roleArns.map((roleArn) => ({ userId, accountId: roleArn?.split(':')[4] ?? '999999999999', permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', permissionSetName: 'X', via: { kind: 'direct' }, roleArn }));
}

/** The stored form as it goes through the database: JSON text, read back. */
function throughStorage(userId: string, stored: StoredPersonAnalysis, actionNames: readonly string[]) {
  return readStoredPersonAnalysis(userId, JSON.stringify(stored), actionNames);
}

describe('createPersonAnalyzer equals the straightforward union of each person\'s roles', () => {
  it.each([1, 2, 3, 4, 5])('people who share role sets (members of the same groups) and a memo hit for each repeat, organisation %i', (seed) => {
    const roles = organisation(seed, 24);
    const roleByArn = new Map(roles.map((role) => [role.arn, role]));
    const random = randomSource(seed * 31);
    const groupRoleSets = Array.from({ length: 4 }, () => Array.from({ length: 1 + random(8) }, () => roles[random(roles.length)].arn));
    const analyzer = createPersonAnalyzer(roles, DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
    for (let person = 0; person < 40; person += 1) {
      const userId = `u-${person}`;
      // The same set of roles in another order, with repeats (two groups giving the same role).
      const set = groupRoleSets[person % groupRoleSets.length];
      const roleArns = person % 2 === 0 ? set : [...set].reverse().concat(set.slice(0, 1));
      const stored = analyzer.analyze(roleArns);
      expect(throughStorage(userId, stored, analyzer.actionNames)).toEqual(referenceAnalyzePerson(userId, assignments(userId, roleArns), roleByArn, DEFAULT_SOD_RULES, DEFAULT_WEIGHTS));
    }
    expect(analyzer.distinctRoleSetCount).toBeLessThanOrEqual(groupRoleSets.length);
  });

  it.each([6, 7, 8, 9, 10])('people who share nothing: each a random set of roles, unknown and missing roles included, organisation %i', (seed) => {
    const roles = organisation(seed, 30);
    const roleByArn = new Map(roles.map((role) => [role.arn, role]));
    const random = randomSource(seed * 17);
    const analyzer = createPersonAnalyzer(roles, DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
    for (let person = 0; person < 40; person += 1) {
      const userId = `u-${person}`;
      const roleArns: Array<string | null> = Array.from({ length: random(12) }, () => roles[random(roles.length)].arn);
      if (person % 5 === 0) roleArns.push(null, 'arn:aws:iam::999999999999:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_NotScanned_0000000000000000');
      const expected = referenceAnalyzePerson(userId, assignments(userId, roleArns), roleByArn, DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
      expect(throughStorage(userId, analyzer.analyze(roleArns), analyzer.actionNames)).toEqual(expected);
      // And a fresh analyzer over the person's roles alone (no memo, another action dictionary).
      const alone = createPersonAnalyzer(roles.filter((role) => roleArns.includes(role.arn)), DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
      expect(expandPersonAnalysis(userId, alone.analyze(roleArns), alone.actionNames)).toEqual(expected);
    }
  });

  it('finds the conflicts across roles that the reference finds (the generator does produce them)', () => {
    const roles = organisation(11, 30);
    const analyzer = createPersonAnalyzer(roles, DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
    const everything = analyzer.analyze(roles.map((role) => role.arn));
    expect(everything.conflicts.length).toBeGreaterThan(0);
    expect(everything.blastRadius.score).toBeGreaterThan(0);
  });
});

describe('stored person analysis', () => {
  it('bitsets round-trip through hex in name order', () => {
    const names = Array.from({ length: 70 }, (_, index) => `bedrock:A${String(index).padStart(2, '0')}`);
    const bits = new Uint32Array(3);
    for (const index of [0, 31, 32, 69]) bits[index >>> 5] |= 1 << (index & 31);
    expect(countBits(bits)).toBe(4);
    expect(countBits(Uint32Array.of(0xffffffff, 0x80000001, 0x0f0f0f0f))).toBe(32 + 2 + 16);
    expect(namesOfHex(bitsToHex(bits), names)).toEqual(['bedrock:A00', 'bedrock:A31', 'bedrock:A32', 'bedrock:A69']);
    expect(bitsToHex(new Uint32Array(3))).toBe('');
  });

  it('reads the full JSON that earlier scans stored, per-account action lists included', () => {
    const legacy = { userId: 'u-1', tiers: ['invoke'], actions: ['bedrock:InvokeModel'], accounts: [{ accountId: '111111111111', roleArns: ['arn:aws:iam::111111111111:role/R'], tiers: ['invoke'], actions: ['bedrock:InvokeModel'] }], blastRadius: { score: 12, factors: [] }, conflicts: [] };
    expect(readStoredPersonAnalysis('u-1', JSON.stringify(legacy), [])).toEqual({ ...legacy, accounts: [{ ...legacy.accounts[0], actionCount: 1 }] });
    expect(readStoredPersonAnalysis('u-2', '{}', [])).toEqual({ userId: 'u-2', tiers: [], actions: [], accounts: [], blastRadius: { score: 0, factors: [] }, conflicts: [] });
  });
});
