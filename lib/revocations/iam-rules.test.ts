import { describe, expect, it } from 'vitest';
import { entitlementKey } from '../analysis/entitlements';
import type { InlinePolicyFacts } from '../analysis/types';
import { CONSOLIDATED_DENY_POLICY_NAME, denyPolicyName } from './deny-policy';
import { checkCallsAgainstState, checkIamName, checkPolicyVersionQuota, inlinePolicyAggregateSize, policySize } from './iam-limits';
import { stateFromSlice } from './principal-state';
import { planRevocation, type PlanIdentityCenter } from './plan-revocation';
import { protectionOf } from './protected-principal';
import { testEvaluate } from './test-support/evaluator';
import { ACCOUNT, group, INVOKE_ONLY, role, slice, user } from './test-support/fixtures';

const managedKey = (arn: string, name: string, via: string | null = null) =>
  entitlementKey(arn, { policyKind: 'managed', policyArn: `arn:aws:iam::aws:policy/${name}`, policyName: name, isAwsManaged: true, attachedVia: via ? 'group' : 'direct', groupName: via });
const inlineKey = (arn: string, name: string) => entitlementKey(arn, { policyKind: 'inline', policyArn: null, policyName: name, isAwsManaged: false, attachedVia: 'direct', groupName: null });

type Plan = ReturnType<typeof planRevocation>;

/** A refused plan makes no IAM call and names why (`code`). */
function expectRefusedWithoutCalls(plan: Plan, code: NonNullable<Plan['refusal']>['code']): void {
  expect(plan.kind).toBe('refused');
  expect(plan.calls).toEqual([]);
  expect(plan.refusal?.code).toBe(code);
}

/** An inline policy (S3 only, so it grants no Bedrock) of exactly `size` characters without whitespace. */
function filler(name: string, size: number): InlinePolicyFacts {
  const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  const sid = 'S'.repeat(size - base.length);
  return { name, document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) };
}

function ssoRole() {
  const base = role('AWSReservedSSO_BedrockDevelopers_0123456789abcdef', { managed: ['AmazonBedrockFullAccess'] });
  return { ...base, path: '/aws-reserved/sso.amazonaws.com/', arn: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${base.name}`, permissionSetName: 'BedrockDevelopers' };
}

function serviceLinkedRole() {
  const base = role('AWSServiceRoleForAmazonBedrock', { managed: ['AmazonBedrockFullAccess'] });
  return { ...base, path: '/aws-service-role/bedrock.amazonaws.com/', arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/bedrock.amazonaws.com/${base.name}`, isServiceLinked: true };
}

describe('protected principals', () => {
  it('an AWSReservedSSO_ role: refused, no IAM call, the reason names Identity Center and the permission set', () => {
    const sso = ssoRole();
    const plan = planRevocation({ slice: slice(sso), entitlementKey: managedKey(sso.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate });
    expectRefusedWithoutCalls(plan, 'identity-center');
    expect(plan.reason).toMatch(/cannot be revoked here, because it is an IAM Identity Center role of permission set BedrockDevelopers.*UnmodifiableEntity/);
    expect(plan.after.isEntitlementGone).toBe(false);
    expect(plan.after.actions).toEqual(plan.before.actions);
  });

  it('a service-linked role: refused, and the reason says why', () => {
    const linked = serviceLinkedRole();
    const plan = planRevocation({ slice: slice(linked), entitlementKey: managedKey(linked.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate });
    expectRefusedWithoutCalls(plan, 'service-linked');
    expect(plan.reason).toContain('service-linked role of bedrock.amazonaws.com');
  });

  it('hands SSO roles (only) to the Identity Center planner hook', () => {
    const seen: string[] = [];
    const hook: PlanIdentityCenter = (context) => {
      seen.push(context.protection.permissionSetName ?? '');
      return { ...context.refusedPlan, kind: 'identity-center', refusal: null, reason: 'Remove the account assignment.' };
    };
    const sso = ssoRole();
    const plan = planRevocation({ slice: slice(sso), entitlementKey: managedKey(sso.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate, planIdentityCenter: hook });
    expect(plan.kind).toBe('identity-center');
    expect(plan.calls).toEqual([]);
    const linked = serviceLinkedRole();
    expect(planRevocation({ slice: slice(linked), entitlementKey: managedKey(linked.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate, planIdentityCenter: hook }).kind).toBe('refused');
    expect(seen).toEqual(['BedrockDevelopers']);
  });

  it('is decided from the ARN alone (pages that only have the ARN)', () => {
    expect(protectionOf({ arn: 'arn:aws:iam::185920374618:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_1a2b3c' })?.kind).toBe('identity-center');
    expect(protectionOf({ arn: 'arn:aws:iam::185920374618:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport' })?.kind).toBe('service-linked');
    expect(protectionOf({ arn: 'arn:aws:iam::185920374618:role/ml-pipeline' })).toBeNull();
    expect(protectionOf({ arn: 'arn:aws:iam::185920374618:user/AWSReservedSSO_lookalike' })).toBeNull();
  });
});

describe('IAM quotas in the planner', () => {
  it('counts policy size as IAM does: whitespace excluded', () => {
    expect(policySize('{ "Version": "2012-10-17",\n  "Statement": [] }')).toBe('{"Version":"2012-10-17","Statement":[]}'.length);
    const padded = { name: 'padded', document: JSON.stringify(JSON.parse(filler('x', 1500).document as string), null, 8) };
    expect((padded.document as string).length).toBeGreaterThan(1500);
    expect(inlinePolicyAggregateSize([padded])).toBe(1500);
  });

  it('a deny that fits only without whitespace is planned (a user at 1,850 characters, padded to more than 2,048)', () => {
    const padded = { name: 'padded', document: JSON.stringify(JSON.parse(filler('x', 1850).document as string), null, 4) };
    const admin = user('ops', { managed: ['AdministratorAccess'], inline: [padded] });
    const plan = planRevocation({ slice: slice(admin), entitlementKey: managedKey(admin.arn, 'AdministratorAccess'), evaluate: testEvaluate });
    expect(plan.kind).toBe('deny');
    expect(plan.notes.join(' ')).toContain('whole Bedrock services');
    expect(JSON.parse(plan.calls[0].policyDocument ?? '{}').Statement[0].Action).toEqual(['bedrock:*', 'bedrock-agentcore:*', 'bedrock-mantle:*']);
  });

  it('refuses with the numbers when no deny fits beside the user’s inline policies (2,048)', () => {
    const admin = user('ops', { managed: ['AdministratorAccess'], inline: [filler('big', 2000)] });
    const plan = planRevocation({ slice: slice(admin), entitlementKey: managedKey(admin.arn, 'AdministratorAccess'), evaluate: testEvaluate });
    expectRefusedWithoutCalls(plan, 'iam-limit');
    expect(plan.refusal?.limits[0]).toMatchObject({ kind: 'inline-policy-size', limit: 2048 });
    expect(plan.reason).toContain('2,000 characters');
    expect(plan.reason).toContain('IAM allows 2,048 per user');
  });

  it('roles get 10,240 characters', () => {
    const admin = role('ops', { managed: ['AdministratorAccess'], inline: [filler('big', 2000)] });
    expect(planRevocation({ slice: slice(admin), entitlementKey: managedKey(admin.arn, 'AdministratorAccess'), evaluate: testEvaluate }).kind).toBe('deny');
    const full = role('ops', { managed: ['AdministratorAccess'], inline: [filler('big', 10200)] });
    const plan = planRevocation({ slice: slice(full), entitlementKey: managedKey(full.arn, 'AdministratorAccess'), evaluate: testEvaluate });
    expect(plan.kind).toBe('refused');
    expect(plan.refusal?.limits[0].limit).toBe(10240);
  });

  it('restructures: earlier denies of this app are folded into one consolidated deny when a new one would not fit', () => {
    const earlier = Array.from({ length: 3 }, (_, index) => ({
      name: denyPolicyName(`earlier-${index}`),
      document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'BedrockAccessReviewRevocation', Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:CreateModelCustomizationJob', 'bedrock:CreateProvisionedModelThroughput'], Resource: '*' }] }),
    }));
    const admin = user('ops', { managed: ['PowerUserAccess'], inline: [filler('app', 1500), ...earlier] });
    const plan = planRevocation({ slice: slice(admin), entitlementKey: managedKey(admin.arn, 'PowerUserAccess'), evaluate: testEvaluate });
    expect(plan.kind).toBe('deny');
    expect(plan.calls[0]).toMatchObject({ action: 'PutUserPolicy', policyName: CONSOLIDATED_DENY_POLICY_NAME });
    expect(plan.calls.slice(1).map((call) => [call.action, call.policyName])).toEqual(earlier.map((policy) => ['DeleteUserPolicy', policy.name]));
    expect(plan.after.isEntitlementGone).toBe(true);
    expect(plan.notes.join(' ')).toContain('folded');
  });

  it('refuses an inline policy whose name IAM would not accept', () => {
    const odd = role('lambda', { inline: [{ ...INVOKE_ONLY, name: 'invoke any model' }] });
    const plan = planRevocation({ slice: slice(odd), entitlementKey: inlineKey(odd.arn, 'invoke any model'), evaluate: testEvaluate });
    expect(plan.kind).toBe('refused');
    expect(plan.refusal?.limits[0].kind).toBe('name');
    expect(plan.reason).toContain('"invoke any model"');
  });

  it('checks names and the version quota against IAM’s numbers', () => {
    expect(checkIamName('policy', 'Bedrock+Invoke=1,a.b@c_d-e')).toBeNull();
    expect(checkIamName('group', 'x'.repeat(129))?.limit).toBe(128);
    expect(checkIamName('user', 'ünïcode')).not.toBeNull();
    expect(checkPolicyVersionQuota('arn:aws:iam::185920374618:policy/p', 4)).toBeNull();
    expect(checkPolicyVersionQuota('arn:aws:iam::185920374618:policy/p', 5)?.message).toContain('IAM allows 5');
  });

  it('a group removal keeps within IAM’s rules (group names are checked too)', () => {
    const team = group('ml team', { managed: ['AmazonBedrockFullAccess'] });
    const member = user('ana', { groups: ['ml team'] });
    const plan = planRevocation({ slice: slice(member, [team]), entitlementKey: managedKey(member.arn, 'AmazonBedrockFullAccess', 'ml team'), evaluate: testEvaluate });
    expect(plan.kind).toBe('refused');
    expect(plan.reason).toContain('group name "ml team"');
  });

  it('checks a rollback’s calls against the current state: re-putting a document beside inline policies added since', () => {
    const current = stateFromSlice(slice(user('ops', { inline: [filler('late', 1900)] })), '2030-01-01T00:00:00Z');
    const reput = { action: 'PutUserPolicy' as const, principalType: 'user' as const, principalName: 'ops', policyName: 'restored', policyDocument: (filler('restored', 300).document as string) };
    expect(checkCallsAgainstState(current, [reput]).map((violation) => [violation.kind, violation.limit, violation.actual])).toEqual([['inline-policy-size', 2048, 2200]]);
    expect(checkCallsAgainstState(current, [{ ...reput, policyDocument: filler('restored', 140).document as string }])).toEqual([]);
  });
});
