import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../analysis/blast-radius/weights';
import { DEFAULT_SOD_RULES } from '../analysis/sod/default-rules';
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
