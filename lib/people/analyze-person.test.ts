import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../analysis/blast-radius/weights';
import { DEFAULT_SOD_RULES } from '../analysis/sod/default-rules';
import { findSodConflicts } from '../analysis/sod/find-conflicts';
import type { Environment, Exposure, Grant, Tier } from '../analysis/types';
import { analyzePerson, type RoleAccess } from './analyze-person';
import type { PersonAssignment } from './link-roles';

const SAML: Exposure = {
  trusts: [{ kind: 'saml', principal: 'arn:aws:iam::111111111111:saml-provider/AWSSSO_abc_DO_NOT_DELETE', accountId: '111111111111', isConditional: true, conditions: [], isSubjectPinned: null, oidcProvider: null }],
  assumableBy: [],
  isReachableFromOutsideOrganization: false,
  hasUnpinnedOidcTrust: false,
  hasPublicTrust: false,
};

function grant(action: string, tier: Tier, regions = ['*'], resources = ['*']): Grant {
  return {
    action,
    tier,
    resources,
    notResources: [],
    regions,
    conditions: [],
    isConditional: false,
    requiresGuardrail: false,
    path: { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/X', policyName: 'X', isAwsManaged: true, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 },
  };
}

function role(name: string, accountId: string, environment: Environment, grants: Grant[]): RoleAccess {
  return { arn: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${name}_0123456789abcdef`, accountId, environment, grants, supportingGrants: [], exposure: SAML, reachAccountIds: grants.length > 0 ? [accountId] : [] };
}

function assignment(target: RoleAccess): PersonAssignment {
  return { userId: 'u-1', accountId: target.accountId, permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', permissionSetName: 'X', via: { kind: 'direct' }, roleArn: target.arn };
}

const invokeInProd = role('Invoke', '111111111111', 'prod', [grant('bedrock:InvokeModel', 'invoke', ['us-east-1'], ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2'])]);
const customizeInSandbox = role('Customize', '222222222222', 'sandbox', [grant('bedrock:CreateModelCustomizationJob', 'customize')]);
const readOnly = role('Read', '333333333333', 'nonprod', [grant('bedrock:ListFoundationModels', 'read')]);
const noBedrock = role('Billing', '444444444444', 'prod', []);

function analyse(roles: RoleAccess[]) {
  return analyzePerson('u-1', roles.map(assignment), new Map(roles.map((entry) => [entry.arn, entry])), DEFAULT_SOD_RULES, DEFAULT_WEIGHTS);
}

describe('analyzePerson', () => {
  it('unions access over the roles and lists it per account', () => {
    const result = analyse([invokeInProd, customizeInSandbox, readOnly, noBedrock]);
    expect(result.tiers).toEqual(['invoke', 'customize', 'read']);
    expect(result.accounts.map((account) => [account.accountId, account.tiers])).toEqual([
      ['111111111111', ['invoke']],
      ['222222222222', ['customize']],
      ['333333333333', ['read']],
    ]);
  });

  it('finds an SoD conflict that no single role has: customise in one account, invoke in another', () => {
    const [conflict] = analyse([invokeInProd, customizeInSandbox]).conflicts;
    expect(conflict).toMatchObject({ ruleId: 'SOD-CUSTOMIZE-INVOKE', isAcrossRoles: true });
    expect(conflict.sideA.roles.map((entry) => entry.accountId).concat(conflict.sideB.roles.map((entry) => entry.accountId)).sort()).toEqual(['111111111111', '222222222222']);
    const both = role('Both', '555555555555', 'prod', [...invokeInProd.grants, ...customizeInSandbox.grants]);
    expect(analyse([both]).conflicts[0]).toMatchObject({ ruleId: 'SOD-CUSTOMIZE-INVOKE', isAcrossRoles: false });
  });

  it('explains the score factor by factor, counting accounts and the weightiest environment', () => {
    const { blastRadius } = analyse([customizeInSandbox, invokeInProd]);
    const factor = (id: string) => blastRadius.factors.find((entry) => entry.id === id);
    expect(factor('accounts')?.value).toMatch(/^2\b/);
    expect(factor('environment')?.value).toBe('prod');
    expect(blastRadius.factors.every((entry) => entry.sentence.length > 0)).toBe(true);
    expect(analyse([noBedrock]).blastRadius).toEqual({ score: 0, factors: [] });
  });

  it('never lowers the score when an assignment is added, and ignores the order of roles', () => {
    const roles = [readOnly, customizeInSandbox, invokeInProd, noBedrock];
    let previous = 0;
    for (let count = 1; count <= roles.length; count += 1) {
      const score = analyse(roles.slice(0, count)).blastRadius.score;
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
    expect(analyse([...roles].reverse())).toEqual(analyse(roles));
  });
});

describe('analyzePerson merges per-role results exactly as the engine reads the union', () => {
  // Side matching looks at one grant at a time, so a rule's side over the union of roles is the
  // union of each role's side: checked against findSodConflicts on the concatenated grants.
  const catalogue: Array<[string, Tier]> = [
    ['bedrock:InvokeModel', 'invoke'],
    ['bedrock:CreateModelCustomizationJob', 'customize'],
    ['bedrock:PutModelInvocationLoggingConfiguration', 'govern'],
    ['bedrock:DeleteGuardrail', 'govern'],
    ['bedrock:CreateAgent', 'build'],
    ['bedrock:ListFoundationModels', 'read'],
    ['bedrock:CreateProvisionedModelThroughput', 'provision'],
  ];
  let seed = 7;
  const pick = (limit: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % limit;
  };
  it.each(Array.from({ length: 40 }, (_, index) => index))('random person %i', () => {
    const roles = Array.from({ length: 1 + pick(6) }, (_, index) => {
      const grants = Array.from({ length: pick(4) }, () => {
        const [action, tier] = catalogue[pick(catalogue.length)];
        return grant(action, tier);
      });
      const supporting = pick(3) === 0 ? [{ ...grant('iam:PassRole', 'read'), tier: 'read' as Tier }] : [];
      return { ...role(`R${index}`, String(100000000000 + pick(3)), 'prod', grants), arn: `arn:aws:iam::${100000000000 + index}:role/R${index}`, supportingGrants: supporting };
    });
    const result = analyse(roles);
    const union = findSodConflicts(roles.flatMap((entry) => entry.grants), roles.flatMap((entry) => entry.supportingGrants), DEFAULT_SOD_RULES, [], 'person:u-1', new Date('2030-01-01T00:00:00Z')).open;
    expect(result.conflicts.map((conflict) => conflict.ruleId)).toEqual(union.map((conflict) => conflict.ruleId));
    for (const [index, conflict] of result.conflicts.entries()) {
      expect(conflict.sideA.actions).toEqual([...new Set(union[index].sideA.map((entry) => entry.action))].sort());
      expect(conflict.sideB.actions).toEqual([...new Set(union[index].sideB.map((entry) => entry.action))].sort());
      const holds = (entry: RoleAccess, side: Grant[]) => entry.grants.some((item) => side.includes(item)) || entry.supportingGrants.some((item) => side.includes(item));
      expect(conflict.sideA.roles.map((entry) => entry.roleArn)).toEqual([...roles].sort((left, right) => left.arn.localeCompare(right.arn)).filter((entry) => holds(entry, union[index].sideA)).map((entry) => entry.arn));
      const withBoth = roles.some((entry) => findSodConflicts(entry.grants, entry.supportingGrants, DEFAULT_SOD_RULES.filter((rule) => rule.id === conflict.ruleId), [], entry.arn, new Date()).open.length > 0);
      expect(conflict.isAcrossRoles).toBe(!withBoth);
    }
    expect(result.actions).toEqual([...new Set(roles.flatMap((entry) => entry.grants.map((item) => item.action)))].sort());
  });
});
