/** Tests only: principals and slices built from the real AWS managed policies in demo/aws-managed-policies. */
import fs from 'node:fs';
import path from 'node:path';
import type { GroupFacts, InlinePolicyFacts, ManagedPolicyFacts, PrincipalFacts, RoleFacts, UserFacts } from '../../analysis/types';
import type { PrincipalSlice } from '../types';

export const ACCOUNT = '185920374618';

export function awsManagedPolicy(name: string): ManagedPolicyFacts {
  const file = JSON.parse(fs.readFileSync(path.resolve('demo/aws-managed-policies', `${name}.json`), 'utf8')) as { PolicyVersion: { Document: Record<string, unknown>; VersionId: string } };
  return { arn: `arn:aws:iam::aws:policy/${name}`, name, path: '/', isAwsManaged: true, defaultVersionId: file.PolicyVersion.VersionId, document: file.PolicyVersion.Document };
}

export function user(name: string, options: { managed?: string[]; inline?: InlinePolicyFacts[]; groups?: string[] } = {}): UserFacts {
  return {
    type: 'user',
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    id: `AIDA${name.toUpperCase()}`,
    name,
    path: '/',
    accountId: ACCOUNT,
    createDate: '2024-01-01T00:00:00Z',
    inlinePolicies: options.inline ?? [],
    attachedManagedPolicyArns: (options.managed ?? []).map((policy) => `arn:aws:iam::aws:policy/${policy}`),
    permissionsBoundaryArn: null,
    tags: {},
    groupNames: options.groups ?? [],
    credentials: null,
  };
}

export function role(name: string, options: { managed?: string[]; inline?: InlinePolicyFacts[] } = {}): RoleFacts {
  return {
    type: 'role',
    arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    id: `AROA${name.toUpperCase()}`,
    name,
    path: '/',
    accountId: ACCOUNT,
    createDate: '2024-01-01T00:00:00Z',
    inlinePolicies: options.inline ?? [],
    attachedManagedPolicyArns: (options.managed ?? []).map((policy) => `arn:aws:iam::aws:policy/${policy}`),
    permissionsBoundaryArn: null,
    tags: {},
    trustPolicy: { Version: '2012-10-17', Statement: [] },
    lastUsedDate: null,
    lastUsedRegion: null,
    permissionSetName: null,
    isServiceLinked: false,
  };
}

export function group(name: string, options: { managed?: string[]; inline?: InlinePolicyFacts[] } = {}): GroupFacts {
  return {
    arn: `arn:aws:iam::${ACCOUNT}:group/${name}`,
    id: `AGPA${name.toUpperCase()}`,
    name,
    path: '/',
    inlinePolicies: options.inline ?? [],
    attachedManagedPolicyArns: (options.managed ?? []).map((policy) => `arn:aws:iam::aws:policy/${policy}`),
  };
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
