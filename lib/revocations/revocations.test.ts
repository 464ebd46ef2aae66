import { describe, expect, it } from 'vitest';
import { entitlementKey } from '../analysis/entitlements';
import { classifyPolicyScope } from './classify-policy';
import { buildDenyPolicy, denyPolicyName } from './deny-policy';
import { parseEntitlementKey } from './entitlement-key';
import { canTransition, isApprovalAllowed } from './lifecycle';
import { planRevocation } from './plan-revocation';
import { planRollback } from './plan-rollback';
import { stateFromSlice } from './principal-state';
import { renderCliCommand, renderRevocationScript } from './render-cli-script';
import { TEST_BEDROCK_ACTIONS, testEvaluate } from './test-support/evaluator';
import { INVOKE_ONLY, awsManagedPolicy, group, role, slice, user } from './test-support/fixtures';
import { decideVerification } from './verify-revocation';

const managedKey = (arn: string, name: string, via: string | null = null) =>
  entitlementKey(arn, { policyKind: 'managed', policyArn: `arn:aws:iam::aws:policy/${name}`, policyName: name, isAwsManaged: true, attachedVia: via ? 'group' : 'direct', groupName: via });

describe('classifyPolicyScope (real AWS managed policies)', () => {
  it.each([
    ['AmazonBedrockFullAccess', 'bedrock'],
    ['AmazonBedrockLimitedAccess', 'bedrock'],
    ['AmazonBedrockReadOnly', 'bedrock'],
    ['AmazonBedrockMantleInferenceAccess', 'bedrock'],
    ['AdministratorAccess', 'general'],
    ['PowerUserAccess', 'general'],
    ['ReadOnlyAccess', 'general'],
    ['SecurityAudit', 'general'],
    ['BedrockAgentCoreFullAccess', 'general'],
    ['AmazonSageMakerCanvasAIServicesAccess', 'general'],
  ])('%s is %s', (name, scope) => {
    expect(classifyPolicyScope(awsManagedPolicy(name).document).scope).toBe(scope);
  });

  it('treats a missing or unreadable document as general', () => {
    expect(classifyPolicyScope(null).scope).toBe('general');
    expect(classifyPolicyScope('%7Bnot json').scope).toBe('general');
  });

  it('reads URL-encoded documents as IAM returns them', () => {
    expect(classifyPolicyScope(encodeURIComponent(JSON.stringify(INVOKE_ONLY.document))).scope).toBe('bedrock');
  });
});

describe('planRevocation', () => {
  it('AdministratorAccess attached directly: an explicit Deny for exactly the Bedrock actions', () => {
    const admin = role('ops-admin', { managed: ['AdministratorAccess'] });
    const plan = planRevocation({ slice: slice(admin), entitlementKey: managedKey(admin.arn, 'AdministratorAccess'), evaluate: testEvaluate });
    expect(plan.kind).toBe('deny');
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0]).toMatchObject({ action: 'PutRolePolicy', principalName: 'ops-admin', policyName: denyPolicyName(plan.entitlementKey) });
    const document = JSON.parse(plan.calls[0].policyDocument ?? '{}') as { Statement: Array<{ Effect: string; Action: string[] }> };
    expect(document.Statement[0].Effect).toBe('Deny');
    expect(document.Statement[0].Action).toEqual([...TEST_BEDROCK_ACTIONS].sort());
    expect(plan.after.actions).toEqual([]);
    expect(plan.after.isEntitlementGone).toBe(true);
    expect(plan.reason).toContain('outside Bedrock');
  });

  it('PowerUserAccess (NotAction) on a user: Deny with PutUserPolicy', () => {
    const power = user('dev', { managed: ['PowerUserAccess'] });
    const plan = planRevocation({ slice: slice(power), entitlementKey: managedKey(power.arn, 'PowerUserAccess'), evaluate: testEvaluate });
    expect(plan.kind).toBe('deny');
    expect(plan.calls[0].action).toBe('PutUserPolicy');
  });

  it('AmazonBedrockFullAccess attached directly: detach', () => {
    const translator = user('svc-translation', { managed: ['AmazonBedrockFullAccess'] });
    const plan = planRevocation({ slice: slice(translator), entitlementKey: managedKey(translator.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate });
    expect(plan.kind).toBe('detach');
    expect(plan.calls).toEqual([{ action: 'DetachUserPolicy', principalType: 'user', principalName: 'svc-translation', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }]);
    expect(plan.lostActions).toEqual(plan.before.actions);
    expect(plan.collateralActions).toEqual([]);
  });

  it('inline Bedrock-only policy: delete it', () => {
    const invoker = role('public-demo-invoker', { inline: [INVOKE_ONLY] });
    const key = entitlementKey(invoker.arn, { policyKind: 'inline', policyArn: null, policyName: 'invoke-any-model', isAwsManaged: false, attachedVia: 'direct', groupName: null });
    const plan = planRevocation({ slice: slice(invoker), entitlementKey: key, evaluate: testEvaluate });
    expect(plan.kind).toBe('delete-inline');
    expect(plan.calls).toEqual([{ action: 'DeleteRolePolicy', principalType: 'role', principalName: 'public-demo-invoker', policyName: 'invoke-any-model' }]);
    expect(plan.entitlementActions).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
  });

  it('inline policy that also reads S3: Deny, the S3 access stays', () => {
    const mixed = { name: 'claims', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'bedrock:InvokeModel'], Resource: '*' }] } };
    const lambda = role('claims-lambda', { inline: [mixed] });
    const key = entitlementKey(lambda.arn, { policyKind: 'inline', policyArn: null, policyName: 'claims', isAwsManaged: false, attachedVia: 'direct', groupName: null });
    const plan = planRevocation({ slice: slice(lambda), entitlementKey: key, evaluate: testEvaluate });
    expect(plan.kind).toBe('deny');
    expect(JSON.parse(plan.calls[0].policyDocument ?? '{}').Statement[0].Action).toEqual(['bedrock:InvokeModel']);
  });

  it('group granting only Bedrock, with other members: remove this user from the group, the group is unchanged', () => {
    const hackers = group('hackers', { managed: ['AmazonBedrockFullAccess'] });
    const tara = user('tara.rossi', { groups: ['hackers'] });
    const shared = user('hackathon-shared', { groups: ['hackers'] });
    const plan = planRevocation({ slice: slice(tara, [hackers], [shared]), entitlementKey: managedKey(tara.arn, 'AmazonBedrockFullAccess', 'hackers'), evaluate: testEvaluate });
    expect(plan.kind).toBe('remove-from-group');
    expect(plan.calls).toEqual([{ action: 'RemoveUserFromGroup', principalType: 'user', principalName: 'tara.rossi', groupName: 'hackers' }]);
    expect(plan.otherPrincipals).toEqual([]);
    expect(plan.notes.join(' ')).toContain('hackathon-shared');
    expect(plan.after.actions).toEqual([]);
  });

  it('group with a second Bedrock policy: remove from group, the other policy’s actions are collateral', () => {
    const custom = { name: 'mantle', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock-mantle:*', Resource: '*' }] } };
    const platform = group('ml-platform', { managed: ['AmazonBedrockReadOnly'], inline: [custom] });
    const hana = user('hana.evans', { groups: ['ml-platform'] });
    const plan = planRevocation({ slice: slice(hana, [platform]), entitlementKey: managedKey(hana.arn, 'AmazonBedrockReadOnly', 'ml-platform'), evaluate: testEvaluate });
    expect(plan.kind).toBe('remove-from-group');
    expect(plan.collateralActions).toEqual(['bedrock-mantle:CreateInference', 'bedrock-mantle:ListModels']);
  });

  it('group that also carries a general policy: Deny on the user instead of leaving the group', () => {
    const security = group('security-engineers', { managed: ['AmazonBedrockReadOnly', 'SecurityAudit'] });
    const ivan = user('ivan.rossi', { groups: ['security-engineers'] });
    const plan = planRevocation({ slice: slice(ivan, [security]), entitlementKey: managedKey(ivan.arn, 'AmazonBedrockReadOnly', 'security-engineers'), evaluate: testEvaluate });
    expect(plan.kind).toBe('deny');
    expect(plan.reason).toContain('SecurityAudit');
    expect(plan.calls[0].action).toBe('PutUserPolicy');
  });

  it('notes actions that stay granted through another entitlement', () => {
    const both = user('both', { managed: ['AmazonBedrockFullAccess', 'AmazonBedrockReadOnly'] });
    const plan = planRevocation({ slice: slice(both), entitlementKey: managedKey(both.arn, 'AmazonBedrockReadOnly'), evaluate: testEvaluate });
    expect(plan.kind).toBe('detach');
    expect(plan.lostActions).toEqual([]);
    expect(plan.notes.join(' ')).toContain('stay granted');
  });

  it('refuses a key of another principal and an entitlement that grants nothing', () => {
    const one = user('one', { managed: ['AmazonBedrockFullAccess'] });
    expect(() => planRevocation({ slice: slice(one), entitlementKey: managedKey('arn:aws:iam::185920374618:user/two', 'AmazonBedrockFullAccess'), evaluate: testEvaluate })).toThrow(/belongs to/);
    expect(() => planRevocation({ slice: slice(one), entitlementKey: managedKey(one.arn, 'IAMReadOnlyAccess'), evaluate: testEvaluate })).toThrow(/nothing to revoke/);
  });
});

describe('deny policy', () => {
  it('is named after the entitlement, stable across runs', () => {
    expect(denyPolicyName('a|b|direct')).toBe(denyPolicyName('a|b|direct'));
    expect(denyPolicyName('a|b|direct')).toMatch(/^BedrockAccessReview-Deny-[0-9a-f]{12}$/);
  });

  it('widens to whole services when the exact list does not fit a user inline policy', () => {
    const many = Array.from({ length: 200 }, (_, index) => `bedrock:Action${index}`).concat(['bedrock-agentcore:InvokeAgentRuntime']);
    const deny = buildDenyPolicy('k', many, 'user');
    expect(deny?.isWidened).toBe(true);
    expect(JSON.parse(deny?.document ?? '{}').Statement[0].Action).toEqual(['bedrock:*', 'bedrock-agentcore:*']);
    expect(buildDenyPolicy('k', ['bedrock:InvokeModel'], 'user')?.isWidened).toBe(false);
  });
});

describe('parseEntitlementKey', () => {
  it('inverts entitlementKey for managed, inline and group paths', () => {
    const arn = 'arn:aws:iam::185920374618:user/people/tara.rossi';
    for (const key of [managedKey(arn, 'AmazonBedrockFullAccess'), managedKey(arn, 'AmazonBedrockFullAccess', 'hackers'), `${arn}|inline:invoke|direct`, `${arn}|inline:invoke|group:hackers`]) {
      const parsed = parseEntitlementKey(key);
      expect(entitlementKey(parsed.principalArn, parsed.path)).toBe(key);
    }
    expect(() => parseEntitlementKey('nonsense')).toThrow();
  });
});

describe('planRollback', () => {
  const tara = user('tara.rossi', { managed: ['AmazonBedrockFullAccess'], inline: [INVOKE_ONLY], groups: ['hackers'] });
  const before = stateFromSlice(slice(tara, [group('hackers', { managed: ['AmazonBedrockFullAccess'] })]), '2030-01-01T00:00:00Z');

  it('re-attaches, re-puts the inline document, re-adds to the group, deletes the deny we added', () => {
    const current = { ...before, attachedManagedPolicyArns: [], inlinePolicies: [{ name: 'BedrockAccessReview-Deny-abc', document: '{}' }], groupNames: [] };
    const calls = planRollback(before, current, [
      { action: 'DetachUserPolicy', principalType: 'user', principalName: 'tara.rossi', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' },
      { action: 'DeleteUserPolicy', principalType: 'user', principalName: 'tara.rossi', policyName: 'invoke-any-model' },
      { action: 'RemoveUserFromGroup', principalType: 'user', principalName: 'tara.rossi', groupName: 'hackers' },
      { action: 'PutUserPolicy', principalType: 'user', principalName: 'tara.rossi', policyName: 'BedrockAccessReview-Deny-abc', policyDocument: '{}' },
    ]);
    expect(calls.map((call) => call.action)).toEqual(['DeleteUserPolicy', 'AddUserToGroup', 'PutUserPolicy', 'AttachUserPolicy']);
    expect(JSON.parse(calls[2].policyDocument ?? '{}')).toEqual(INVOKE_ONLY.document);
  });

  it('changes nothing when the current state already is the before-state', () => {
    expect(planRollback(before, before, [{ action: 'DetachUserPolicy', principalType: 'user', principalName: 'tara.rossi', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }])).toEqual([]);
  });
});

describe('CLI script', () => {
  it('renders idempotent commands with quoting, and the rollback as comments', () => {
    const translator = user('o.brien', { managed: ['AmazonBedrockFullAccess'] });
    const planned = planRevocation({ slice: slice(translator), entitlementKey: managedKey(translator.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate });
    // IAM names cannot hold a quote (the planner refuses them, iam-rules.test.ts); the renderer still quotes hostile text.
    const plan = { ...planned, calls: planned.calls.map((call) => ({ ...call, principalName: "o'brien" })) };
    const script = renderRevocationScript({ revocationId: 7, plan, rollbackCalls: [{ action: 'AttachUserPolicy', principalType: 'user', principalName: "o'brien", policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }], generatedAt: '2030-01-01T00:00:00Z' });
    expect(script).toContain(`run_idempotent aws iam detach-user-policy --user-name 'o'\\''brien' --policy-arn 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess'`);
    expect(script).toContain('#   aws iam attach-user-policy');
    expect(script.startsWith('#!/usr/bin/env bash')).toBe(true);
    expect(renderCliCommand({ action: 'RemoveUserFromGroup', principalType: 'user', principalName: 'u', groupName: 'g' })).toBe(`aws iam remove-user-from-group --user-name 'u' --group-name 'g'`);
  });
});

describe('decideVerification', () => {
  const translator = user('svc-translation', { managed: ['AmazonBedrockFullAccess'] });
  const plan = planRevocation({ slice: slice(translator), entitlementKey: managedKey(translator.arn, 'AmazonBedrockFullAccess'), evaluate: testEvaluate });

  it('verified when the path grants nothing', () => {
    expect(decideVerification(plan, { grants: [], denied: [], errors: [] }, 'now').isVerified).toBe(true);
  });

  it('failed, with the reason, when the path still grants', () => {
    const access = testEvaluate({ capturedAt: '', organization: null, accounts: [{ accountId: translator.accountId, users: [translator], roles: [], groups: [], managedPolicies: [awsManagedPolicy('AmazonBedrockFullAccess')] }] }, translator);
    const outcome = decideVerification(plan, access, 'now');
    expect(outcome.isVerified).toBe(false);
    expect(outcome.reason).toContain('AmazonBedrockFullAccess still grants');
  });
});

describe('lifecycle', () => {
  it('four-eyes refuses the requester as approver only when configured', () => {
    expect(isApprovalAllowed({ requireFourEyes: true, requestedBy: 'a@x', approver: 'A@x' })).toBe(false);
    expect(isApprovalAllowed({ requireFourEyes: false, requestedBy: 'a@x', approver: 'a@x' })).toBe(true);
    expect(canTransition('execute', 'failed')).toBe(true);
    expect(canTransition('approve', 'executed')).toBe(false);
  });
});
