import { describe, expect, it } from 'vitest';
import type { Grant, Tier } from '../types';
import { DEFAULT_SOD_RULES } from './default-rules';
import { findSodConflicts, type SodException } from './find-conflicts';
import { parseSodRules, SodRuleError } from './rule-schema';
import { matchesWildcard } from './wildcard-pattern';

const principalArn = 'arn:aws:iam::111111111111:role/ml-pipeline';
const now = new Date('2025-06-30T00:00:00Z');

function grant(action: string, tier: Tier, policyName = 'AmazonBedrockFullAccess', overrides: Partial<Grant> = {}): Grant {
  return {
    action,
    tier,
    resources: ['*'],
    notResources: [],
    regions: ['*'],
    conditions: [],
    isConditional: false,
    requiresGuardrail: false,
    path: { policyKind: 'managed', policyArn: null, policyName, isAwsManaged: false, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 },
    ...overrides,
  };
}

const invoke = grant('bedrock:InvokeModel', 'invoke');
const customize = grant('bedrock:CreateModelCustomizationJob', 'customize');
// A govern action that switches no control off: SOD-GOVERN-INVOKE alone (not SOD-CONTROL-INVOKE).
const govern = grant('bedrock:CreateGuardrail', 'govern');
const loggingSwitch = grant('bedrock:DeleteModelInvocationLoggingConfiguration', 'govern');
const provision = grant('bedrock:CreateProvisionedModelThroughput', 'provision');
const rules = [...DEFAULT_SOD_RULES];

describe('matchesWildcard', () => {
  it.each([
    ['iam:Put*Policy', 'iam:PutRolePolicy', true],
    ['iam:put*policy', 'IAM:PutUserPolicy', true],
    ['iam:Attach*Policy', 'iam:AttachGroupPolicy', true],
    ['iam:Put*Policy', 'iam:PutRolePermissionsBoundary', false],
    ['bedrock:Invoke?odel', 'bedrock:InvokeModel', true],
    ['bedrock:Invoke?odel', 'bedrock:InvokeModelWithResponseStream', false],
    ['*', 'anything:AtAll', true],
    ['iam:Create.PolicyVersion', 'iam:CreateXPolicyVersion', false],
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(matchesWildcard(pattern, action)).toBe(expected);
  });
});

describe('default rules', () => {
  it('are the four rules of PRODUCT.md and SOD-CONTROL-INVOKE (issue #20) with their severities and pass the schema', () => {
    expect(DEFAULT_SOD_RULES.map((rule) => [rule.id, rule.severity])).toEqual([
      ['SOD-CUSTOMIZE-INVOKE', 'high'],
      ['SOD-GOVERN-INVOKE', 'critical'],
      ['SOD-IAM-INVOKE', 'critical'],
      ['SOD-PROVISION-INVOKE', 'medium'],
      ['SOD-CONTROL-INVOKE', 'critical'],
    ]);
    expect(parseSodRules(JSON.parse(JSON.stringify(DEFAULT_SOD_RULES)))).toEqual(DEFAULT_SOD_RULES);
    expect(DEFAULT_SOD_RULES.find((rule) => rule.id === 'SOD-IAM-INVOKE')?.sideA.actions).toEqual(['iam:Put*Policy', 'iam:Attach*Policy', 'iam:CreatePolicyVersion', 'iam:PassRole']);
  });
});

describe('parseSodRules', () => {
  const valid = { id: 'SOD-BUILD-INVOKE', title: 'Build and invoke', severity: 'low', rationale: 'why', sideA: { tiers: ['build'] }, sideB: { tiers: ['invoke'] } };

  it('fills defaults for missing tier or action lists', () => {
    expect(parseSodRules([valid])[0].sideA).toEqual({ tiers: ['build'], actions: [] });
  });

  it.each([
    [{ ...valid, severity: 'severe' }, /0\.severity/],
    [{ ...valid, sideA: { tiers: ['admin'] } }, /0\.sideA\.tiers\.0/],
    [{ ...valid, sideB: { tiers: [], actions: [] } }, /0\.sideB: needs at least one tier or action/],
    [{ ...valid, sideA: { actions: ['PutRolePolicy'] } }, /0\.sideA\.actions\.0: must be `service:Action`/],
    [{ ...valid, title: ' ' }, /0\.title: must not be empty/],
    [{ ...valid, extra: true }, /0: .*extra/],
  ])('names the field of an invalid rule (%#)', (rule, message) => {
    expect(() => parseSodRules([rule])).toThrow(SodRuleError);
    expect(() => parseSodRules([rule])).toThrow(message);
  });

  it('refuses duplicate ids', () => {
    expect(() => parseSodRules([valid, valid])).toThrow(/1\.id: duplicate rule id SOD-BUILD-INVOKE/);
  });
});

describe('findSodConflicts', () => {
  it('finds each default conflict and names the grants on both sides', () => {
    const putRolePolicy = grant('iam:PutRolePolicy', 'unclassified', 'IAMFullAccess');
    const findings = findSodConflicts([invoke, customize, govern, provision, loggingSwitch], [putRolePolicy], rules, [], principalArn, now);
    expect(findings.open.map((conflict) => conflict.ruleId)).toEqual(['SOD-CUSTOMIZE-INVOKE', 'SOD-GOVERN-INVOKE', 'SOD-IAM-INVOKE', 'SOD-PROVISION-INVOKE', 'SOD-CONTROL-INVOKE']);
    expect(findings.open.find((conflict) => conflict.ruleId === 'SOD-CONTROL-INVOKE')).toMatchObject({ severity: 'critical', sideA: [loggingSwitch], sideB: [invoke] });
    const iam = findings.open.find((conflict) => conflict.ruleId === 'SOD-IAM-INVOKE');
    expect(iam).toMatchObject({ severity: 'critical', sideA: [putRolePolicy], sideB: [invoke] });
    expect(findings.excepted).toEqual([]);
  });

  it('no conflict when only one side is held', () => {
    expect(findSodConflicts([customize, govern, provision], [], rules, [], principalArn, now).open).toEqual([]);
    expect(findSodConflicts([invoke], [grant('iam:GetRole', 'unclassified')], rules, [], principalArn, now).open).toEqual([]);
  });

  it('tiers only match Bedrock grants, not supporting IAM grants', () => {
    const iamAsInvokeTier = grant('iam:ListRoles', 'invoke');
    expect(findSodConflicts([customize], [iamAsInvokeTier], rules, [], principalArn, now).open).toEqual([]);
  });

  it('iam:PassRole counts only when it can pass roles to Bedrock', () => {
    const passToLambda = grant('iam:PassRole', 'unclassified', 'Deploy', {
      conditions: [{ source: 'allow', operator: 'StringEquals', key: 'iam:PassedToService', values: ['lambda.amazonaws.com'], policyName: 'Deploy' }],
    });
    const passToBedrock = grant('iam:PassRole', 'unclassified', 'Train', {
      conditions: [{ source: 'allow', operator: 'StringEquals', key: 'iam:PassedToService', values: ['bedrock.amazonaws.com'], policyName: 'Train' }],
    });
    const passAnywhere = grant('iam:PassRole', 'unclassified', 'Admin');
    expect(findSodConflicts([invoke], [passToLambda], rules, [], principalArn, now).open).toEqual([]);
    expect(findSodConflicts([invoke], [passToBedrock, passAnywhere], rules, [], principalArn, now).open[0].sideA).toEqual([passToBedrock, passAnywhere]);
  });

  it('an exception in force moves the conflict to excepted; an expired one lets it come back', () => {
    const exception = (expiresAt: string): SodException => ({ ruleId: 'SOD-GOVERN-INVOKE', principalArn, expiresAt });
    const inForce = findSodConflicts([invoke, govern], [], rules, [exception('2025-07-31T00:00:00Z')], principalArn, now);
    expect(inForce.open).toEqual([]);
    expect(inForce.excepted.map((conflict) => conflict.ruleId)).toEqual(['SOD-GOVERN-INVOKE']);
    const expired = findSodConflicts([invoke, govern], [], rules, [exception('2025-06-29T23:59:59Z')], principalArn, now);
    expect(expired.open.map((conflict) => conflict.ruleId)).toEqual(['SOD-GOVERN-INVOKE']);
    expect(expired.excepted).toEqual([]);
  });

  it('an exception applies only to its own rule and principal; an unparseable expiry counts as expired', () => {
    const other = findSodConflicts([invoke, govern], [], rules, [{ ruleId: 'SOD-GOVERN-INVOKE', principalArn: 'arn:aws:iam::111111111111:role/other', expiresAt: new Date('2030-01-01') }], principalArn, now);
    expect(other.open).toHaveLength(1);
    const bad = findSodConflicts([invoke, govern], [], rules, [{ ruleId: 'SOD-GOVERN-INVOKE', principalArn, expiresAt: 'someday' }], principalArn, now);
    expect(bad.open).toHaveLength(1);
  });

  it('matches edited rules with action patterns case-insensitively', () => {
    const edited = parseSodRules([
      { id: 'SOD-AGENT-GOVERN', title: 'Agents and guardrails', severity: 'high', rationale: 'r', sideA: { actions: ['BEDROCK:invokeagent'] }, sideB: { actions: ['bedrock:*Guardrail*'] } },
    ]);
    const agent = grant('bedrock:InvokeAgent', 'agent');
    const guardrail = grant('bedrock:UpdateGuardrail', 'govern');
    expect(findSodConflicts([agent, guardrail], [], edited, [], principalArn, now).open).toMatchObject([{ ruleId: 'SOD-AGENT-GOVERN', sideA: [agent], sideB: [guardrail] }]);
  });
});
