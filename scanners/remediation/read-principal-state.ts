import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { PrincipalState } from '../../lib/revocations/types';

/** The principal a revocation acts on. */
export interface PrincipalTarget {
  principalType: 'user' | 'role';
  principalName: string;
  principalArn: string;
  accountId: string;
}

const decode = (document: string | undefined) => (document ? decodeURIComponent(document) : '{}');

async function pages<Item>(fetch: (marker: string | undefined) => Promise<{ items: Item[]; marker: string | undefined; isTruncated: boolean | undefined }>): Promise<Item[]> {
  const items: Item[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    items.push(...page.items);
    marker = page.isTruncated ? page.marker : undefined;
  } while (marker);
  return items;
}

async function readManagedPolicy(iam: IAMClient, arn: string): Promise<PrincipalState['managedPolicies'][number]> {
  const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy;
  const versionId = policy?.DefaultVersionId ?? 'v1';
  const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))).PolicyVersion;
  return { arn, name: policy?.PolicyName ?? arn.split('/').pop() ?? arn, defaultVersionId: versionId, document: decode(version?.Document) };
}

/**
 * A targeted live read of one principal: its inline policies with documents, attached managed
 * policies, permissions boundary, groups (users) with their policies, and the documents of every
 * managed policy referenced. Used as the before-state (rollback restores it) and for verification.
 */
export async function readPrincipalState(iam: IAMClient, target: PrincipalTarget, now: () => Date = () => new Date()): Promise<PrincipalState> {
  const name = target.principalName;
  const isUser = target.principalType === 'user';
  const boundary = isUser
    ? (await iam.send(new GetUserCommand({ UserName: name }))).User?.PermissionsBoundary?.PermissionsBoundaryArn
    : (await iam.send(new GetRoleCommand({ RoleName: name }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn;
  const inlineNames = await pages(async (Marker) => {
    const page = isUser ? await iam.send(new ListUserPoliciesCommand({ UserName: name, Marker })) : await iam.send(new ListRolePoliciesCommand({ RoleName: name, Marker }));
    return { items: page.PolicyNames ?? [], marker: page.Marker, isTruncated: page.IsTruncated };
  });
  const inlinePolicies = [];
  for (const policyName of inlineNames) {
    const document = isUser
      ? (await iam.send(new GetUserPolicyCommand({ UserName: name, PolicyName: policyName }))).PolicyDocument
      : (await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }))).PolicyDocument;
    inlinePolicies.push({ name: policyName, document: decode(document) });
  }
  const attached = await pages(async (Marker) => {
    const page = isUser ? await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker })) : await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker }));
    return { items: (page.AttachedPolicies ?? []).map((policy) => policy.PolicyArn ?? ''), marker: page.Marker, isTruncated: page.IsTruncated };
  });
  const groupList = isUser
    ? await pages(async (Marker) => {
        const page = await iam.send(new ListGroupsForUserCommand({ UserName: name, Marker }));
        return { items: (page.Groups ?? []).map((group) => ({ name: group.GroupName ?? '', arn: group.Arn ?? '' })), marker: page.Marker, isTruncated: page.IsTruncated };
      })
    : [];
  const groups: PrincipalState['groups'] = [];
  for (const group of groupList) {
    const groupInlineNames = await pages(async (Marker) => {
      const page = await iam.send(new ListGroupPoliciesCommand({ GroupName: group.name, Marker }));
      return { items: page.PolicyNames ?? [], marker: page.Marker, isTruncated: page.IsTruncated };
    });
    const groupInline = [];
    for (const policyName of groupInlineNames) {
      groupInline.push({ name: policyName, document: decode((await iam.send(new GetGroupPolicyCommand({ GroupName: group.name, PolicyName: policyName }))).PolicyDocument) });
    }
    const groupAttached = await pages(async (Marker) => {
      const page = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: group.name, Marker }));
      return { items: (page.AttachedPolicies ?? []).map((policy) => policy.PolicyArn ?? ''), marker: page.Marker, isTruncated: page.IsTruncated };
    });
    groups.push({ name: group.name, arn: group.arn, inlinePolicies: groupInline, attachedManagedPolicyArns: groupAttached });
  }
  const arns = [...new Set([...attached, ...groups.flatMap((group) => group.attachedManagedPolicyArns), ...(boundary ? [boundary] : [])])];
  const managedPolicies = [];
  for (const arn of arns) managedPolicies.push(await readManagedPolicy(iam, arn));
  return {
    ...target,
    readAt: now().toISOString(),
    source: 'live',
    inlinePolicies,
    attachedManagedPolicyArns: attached,
    permissionsBoundaryArn: boundary ?? null,
    groupNames: groupList.map((group) => group.name),
    groups,
    managedPolicies,
  };
}
