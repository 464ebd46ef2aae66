import type { OrganizationFile } from '../raw-types';
import type { CallContext, JsonHandler } from './call-context';
import { AwsApiError } from './errors';
import { pageOf } from './paging';

/**
 * Organizations actions (JSON 1.1, `X-Amz-Target: AWSOrganizationsV20161128.<Action>`). Only the
 * management account (or the base identity's account, as a delegated administrator) may call
 * them; other member accounts get AccessDeniedException.
 * Timestamps are epoch seconds, the JSON protocols' default.
 */

type Account = OrganizationFile['accounts'][number];
type Policy = OrganizationFile['policies'][number];

const JOINED = Date.parse('2020-01-01T00:00:00Z') / 1000;

function organization(context: CallContext): OrganizationFile {
  // The base identity's account stands for a delegated administrator when it is not the management account.
  if (context.accountId !== context.state.managementAccountId && context.accountId !== context.state.baseIdentity.accountId) {
    throw new AwsApiError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 403);
  }
  return context.state.organization;
}

function stringField(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw new AwsApiError('InvalidInputException', `You provided a value that does not match the required pattern: ${name}.`, 400);
  return value;
}

function page<T>(input: Record<string, unknown>, items: T[]): { items: T[]; NextToken?: string } {
  const token = typeof input.NextToken === 'string' ? input.NextToken : undefined;
  const size = typeof input.MaxResults === 'number' ? input.MaxResults : undefined;
  const result = pageOf(items, token, size, 20, 'InvalidInputException');
  return { items: result.items, NextToken: result.nextToken };
}

function arnOf(file: OrganizationFile, kind: 'account' | 'ou' | 'root' | 'policy', id: string, policyType?: string): string {
  const { managementAccountId, id: organizationId } = file.organization;
  if (kind === 'account') return `arn:aws:organizations::${managementAccountId}:account/${organizationId}/${id}`;
  if (kind === 'ou') return `arn:aws:organizations::${managementAccountId}:ou/${organizationId}/${id}`;
  if (kind === 'root') return `arn:aws:organizations::${managementAccountId}:root/${organizationId}/${id}`;
  return id.startsWith('p-FullAWSAccess') || id.startsWith('p-RCPFullAWSAccess')
    ? `arn:aws:organizations::aws:policy/${(policyType ?? '').toLowerCase()}/${id}`
    : `arn:aws:organizations::${managementAccountId}:policy/${organizationId}/${(policyType ?? '').toLowerCase()}/${id}`;
}

function accountShape(file: OrganizationFile, account: Account) {
  return { Id: account.id, Arn: arnOf(file, 'account', account.id), Email: account.email, Name: account.name, Status: account.status, JoinedMethod: account.id === file.organization.managementAccountId ? 'INVITED' : 'CREATED', JoinedTimestamp: JOINED };
}

function policySummary(file: OrganizationFile, policy: Policy) {
  return { Id: policy.id, Arn: arnOf(file, 'policy', policy.id, policy.type), Name: policy.name, Description: '', Type: policy.type, AwsManaged: policy.id.startsWith('p-FullAWSAccess') || policy.id.startsWith('p-RCPFullAWSAccess') };
}

function policyById(file: OrganizationFile, policyId: string): Policy {
  const policy = file.policies.find((candidate) => candidate.id === policyId);
  if (!policy) throw new AwsApiError('PolicyNotFoundException', `We can't find a policy with the PolicyId that you specified: ${policyId}.`, 404);
  return policy;
}

function parentExists(file: OrganizationFile, parentId: string): void {
  if (!file.roots.some((root) => root.id === parentId) && !file.organizationalUnits.some((unit) => unit.id === parentId)) {
    throw new AwsApiError('ParentNotFoundException', `We can't find a root or OU with the ParentId that you specified: ${parentId}.`, 404);
  }
}

function targetShape(file: OrganizationFile, targetId: string) {
  const root = file.roots.find((candidate) => candidate.id === targetId);
  if (root) return { TargetId: targetId, Arn: arnOf(file, 'root', targetId), Name: root.name, Type: 'ROOT' };
  const unit = file.organizationalUnits.find((candidate) => candidate.id === targetId);
  if (unit) return { TargetId: targetId, Arn: arnOf(file, 'ou', targetId), Name: unit.name, Type: 'ORGANIZATIONAL_UNIT' };
  const account = file.accounts.find((candidate) => candidate.id === targetId);
  return { TargetId: targetId, Arn: arnOf(file, 'account', targetId), Name: account?.name ?? targetId, Type: 'ACCOUNT' };
}

/** The Organizations actions, by action name. */
export const organizationsHandlers: Record<string, JsonHandler> = {
  DescribeOrganization: (context) => {
    const file = organization(context);
    const management = file.accounts.find((account) => account.id === file.organization.managementAccountId);
    return {
      Organization: {
        Id: file.organization.id,
        Arn: `arn:aws:organizations::${file.organization.managementAccountId}:organization/${file.organization.id}`,
        FeatureSet: 'ALL',
        MasterAccountArn: arnOf(file, 'account', file.organization.managementAccountId),
        MasterAccountId: file.organization.managementAccountId,
        MasterAccountEmail: management?.email ?? '',
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    };
  },
  ListRoots: (context, input) => {
    const file = organization(context);
    const types = [...new Set(file.policies.map((policy) => policy.type))].map((type) => ({ Type: type, Status: 'ENABLED' }));
    const result = page(input, file.roots);
    return { Roots: result.items.map((root) => ({ Id: root.id, Arn: arnOf(file, 'root', root.id), Name: root.name, PolicyTypes: types })), NextToken: result.NextToken };
  },
  ListOrganizationalUnitsForParent: (context, input) => {
    const file = organization(context);
    const parentId = stringField(input, 'ParentId');
    parentExists(file, parentId);
    const result = page(input, file.organizationalUnits.filter((unit) => unit.parentId === parentId));
    return { OrganizationalUnits: result.items.map((unit) => ({ Id: unit.id, Arn: arnOf(file, 'ou', unit.id), Name: unit.name })), NextToken: result.NextToken };
  },
  ListAccountsForParent: (context, input) => {
    const file = organization(context);
    const parentId = stringField(input, 'ParentId');
    parentExists(file, parentId);
    const result = page(input, file.accounts.filter((account) => account.parentId === parentId));
    return { Accounts: result.items.map((account) => accountShape(file, account)), NextToken: result.NextToken };
  },
  ListAccounts: (context, input) => {
    const file = organization(context);
    const result = page(input, file.accounts);
    return { Accounts: result.items.map((account) => accountShape(file, account)), NextToken: result.NextToken };
  },
  ListParents: (context, input) => {
    const file = organization(context);
    const childId = stringField(input, 'ChildId');
    const child = file.accounts.find((account) => account.id === childId) ?? file.organizationalUnits.find((unit) => unit.id === childId);
    if (!child) throw new AwsApiError('ChildNotFoundException', `We can't find an organizational unit (OU) or AWS account with the ChildId that you specified: ${childId}.`, 404);
    const isRoot = file.roots.some((root) => root.id === child.parentId);
    return { Parents: [{ Id: child.parentId, Type: isRoot ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] };
  },
  ListPolicies: (context, input) => {
    const file = organization(context);
    const filter = stringField(input, 'Filter');
    const result = page(input, file.policies.filter((policy) => policy.type === filter));
    return { Policies: result.items.map((policy) => policySummary(file, policy)), NextToken: result.NextToken };
  },
  DescribePolicy: (context, input) => {
    const file = organization(context);
    const policy = policyById(file, stringField(input, 'PolicyId'));
    return { Policy: { PolicySummary: policySummary(file, policy), Content: typeof policy.content === 'string' ? policy.content : JSON.stringify(policy.content) } };
  },
  ListTargetsForPolicy: (context, input) => {
    const file = organization(context);
    const policy = policyById(file, stringField(input, 'PolicyId'));
    const result = page(input, policy.targetIds);
    return { Targets: result.items.map((targetId) => targetShape(file, targetId)), NextToken: result.NextToken };
  },
  DescribeEffectivePolicy: (context, input) => {
    const file = organization(context);
    const policyType = stringField(input, 'PolicyType');
    if (policyType !== 'BEDROCK_POLICY') throw new AwsApiError('InvalidInputException', `The local endpoint serves effective policies of type BEDROCK_POLICY only, not ${policyType}.`, 400);
    const targetId = typeof input.TargetId === 'string' ? input.TargetId : context.accountId;
    if (!file.accounts.some((account) => account.id === targetId)) throw new AwsApiError('TargetNotFoundException', `We can't find a target with the TargetId that you specified: ${targetId}.`, 400);
    const recorded = file.effectivePolicies?.find((entry) => entry.targetId === targetId);
    if (recorded?.error) throw new AwsApiError(recorded.error.code, recorded.error.message, 400);
    if (!recorded || recorded.content === null) throw new AwsApiError('EffectivePolicyNotFoundException', `We can't find an effective policy of type ${policyType} for target ${targetId}.`, 400);
    return { EffectivePolicy: { PolicyContent: recorded.content, LastUpdatedTimestamp: JOINED, TargetId: targetId, PolicyType: policyType } };
  },
  ListTagsForResource: (context, input) => {
    const file = organization(context);
    const resourceId = stringField(input, 'ResourceId');
    const account = file.accounts.find((candidate) => candidate.id === resourceId);
    if (!account) throw new AwsApiError('TargetNotFoundException', `We can't find a target with the ResourceId that you specified: ${resourceId}.`, 404);
    const result = page(input, Object.entries(account.tags));
    return { Tags: result.items.map(([Key, Value]) => ({ Key, Value })), NextToken: result.NextToken };
  },
};
