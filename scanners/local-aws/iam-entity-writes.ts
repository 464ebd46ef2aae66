import type { CallContext, QueryHandler } from './call-context';
import { AwsApiError } from './errors';
import { assertIamName, assertRoleModifiable, deleteConflict, limitExceeded, LOCAL_IAM_QUOTAS, parseIdentityPolicyDocument, policyDocumentSize } from './iam-rules';
import { requiredParam } from './paging';
import { formatWireDate } from './wire-format';

/**
 * Writes on managed policies and roles themselves, with the conflicts IAM answers: a sixth
 * policy version (LimitExceeded), deleting the default version, a policy still attached or with
 * other versions, a role that still has policies (DeleteConflict), a protected role
 * (UnmodifiableEntity). A revocation never makes these calls; they exist so that tests of code
 * that might (and scripts run against the endpoint) meet IAM's rules.
 */

function customerPolicy(context: CallContext, params: URLSearchParams) {
  const arn = requiredParam(params, 'PolicyArn');
  if (arn.startsWith('arn:aws:iam::aws:policy/')) throw new AwsApiError('AccessDenied', `User is not authorized to modify the AWS managed policy ${arn}`, 403);
  return context.state.account(context.accountId).policy(arn);
}

const nextVersionId = (versions: ReadonlyArray<{ VersionId: string }>) => `v${Math.max(0, ...versions.map((version) => Number(version.VersionId.slice(1)) || 0)) + 1}`;

export const iamEntityWriteHandlers: Record<string, QueryHandler> = {
  CreatePolicyVersion: (context, params) => {
    const policy = customerPolicy(context, params);
    const document = parseIdentityPolicyDocument(requiredParam(params, 'PolicyDocument'));
    if (policyDocumentSize(document) > LOCAL_IAM_QUOTAS.PolicySize) throw limitExceeded('PolicySize');
    if (policy.PolicyVersionList.length >= LOCAL_IAM_QUOTAS.PolicyVersionsPerPolicy) throw limitExceeded('PolicyVersionsPerPolicy');
    const isDefault = params.get('SetAsDefault') === 'true';
    const createDate = new Date(context.state.now()).toISOString();
    const version = { Document: document, VersionId: nextVersionId(policy.PolicyVersionList), IsDefaultVersion: isDefault, CreateDate: createDate };
    if (isDefault) {
      for (const existing of policy.PolicyVersionList) existing.IsDefaultVersion = false;
      policy.DefaultVersionId = version.VersionId;
    }
    policy.PolicyVersionList.push(version);
    policy.UpdateDate = createDate;
    return { PolicyVersion: { VersionId: version.VersionId, IsDefaultVersion: isDefault, CreateDate: formatWireDate(createDate) } };
  },
  DeletePolicyVersion: (context, params) => {
    const policy = customerPolicy(context, params);
    const versionId = requiredParam(params, 'VersionId');
    const index = policy.PolicyVersionList.findIndex((version) => version.VersionId === versionId);
    if (index < 0) throw new AwsApiError('NoSuchEntity', `Policy ${policy.Arn} version ${versionId} does not exist.`, 404);
    if (policy.PolicyVersionList[index].IsDefaultVersion) throw deleteConflict('Cannot delete the default version of a policy.');
    policy.PolicyVersionList.splice(index, 1);
    return null;
  },
  DeletePolicy: (context, params) => {
    const policy = customerPolicy(context, params);
    if (policy.AttachmentCount > 0 || (policy.PermissionsBoundaryUsageCount ?? 0) > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
    if (policy.PolicyVersionList.length > 1) throw deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
    const details = context.state.account(context.accountId).details;
    details.Policies.splice(details.Policies.indexOf(policy), 1);
    return null;
  },
  DeleteRole: (context, params) => {
    const roleName = requiredParam(params, 'RoleName');
    assertIamName('roleName', roleName, 64);
    const details = context.state.account(context.accountId).details;
    const role = context.state.account(context.accountId).role(roleName);
    assertRoleModifiable(role);
    if ((role.AttachedManagedPolicies ?? []).length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
    if ((role.RolePolicyList ?? []).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
    details.RoleDetailList.splice(details.RoleDetailList.indexOf(role), 1);
    return null;
  },
};
