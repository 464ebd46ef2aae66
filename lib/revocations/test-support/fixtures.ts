/** Tests only: principals and slices built from the real AWS managed policies in demo/aws-managed-policies. */
import type { GroupFacts, InlinePolicyFacts, PrincipalFacts, RoleFacts, UserFacts } from '../../analysis/types';
import { awsManagedArns, awsManagedPolicy, groupFacts, roleFacts, TEST_ACCOUNT, userFacts } from '../../analysis/test-support/principal-facts';
import type { PrincipalSlice } from '../types';

export { awsManagedPolicy } from '../../analysis/test-support/principal-facts';
export const ACCOUNT = TEST_ACCOUNT;

type PolicyOptions = { managed?: string[]; inline?: InlinePolicyFacts[] };
const policies = (options: PolicyOptions) => ({ inlinePolicies: options.inline ?? [], attachedManagedPolicyArns: awsManagedArns(options.managed) });

export function user(name: string, options: PolicyOptions & { groups?: string[] } = {}): UserFacts {
  return userFacts(name, { ...policies(options), groupNames: options.groups ?? [] });
}

export function role(name: string, options: PolicyOptions = {}): RoleFacts {
  return roleFacts(name, policies(options));
}

export function group(name: string, options: PolicyOptions = {}): GroupFacts {
  return groupFacts(name, policies(options));
}

export const INVOKE_ONLY: InlinePolicyFacts = {
  name: 'invoke-any-model',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: '*' }] },
};

export function slice(principal: PrincipalFacts, groups: GroupFacts[] = [], members: PrincipalFacts[] = []): PrincipalSlice {
  const arns = new Set([...principal.attachedManagedPolicyArns, ...groups.flatMap((item) => item.attachedManagedPolicyArns)]);
  const groupMembers: Record<string, PrincipalFacts[]> = {};
  for (const item of groups) groupMembers[item.name] = [principal, ...members.filter((member) => member.type === 'user' && member.groupNames.includes(item.name))];
  return {
    capturedAt: '2030-01-01T00:00:00.000Z',
    accountId: ACCOUNT,
    principal,
    groups,
    managedPolicies: [...arns].map((arn) => awsManagedPolicy(arn.split('/').pop() ?? '')),
    groupMembers,
  };
}
