import type { PolicyDocumentSource } from '../analysis/types';
import { isBedrockService, parsePolicyDocument, serviceOf } from './policy-document';

/**
 * Non-Bedrock actions that AWS bundles into its Bedrock policies (AmazonBedrockFullAccess,
 * AmazonBedrockLimitedAccess, AmazonBedrockReadOnly) so that Bedrock features work: passing a
 * role to a job, choosing a KMS key or a VPC in the console, subscribing to a marketplace model,
 * the SageMaker endpoints behind marketplace models. Losing them together with the Bedrock
 * actions is what revoking Bedrock access means. Matched literally (case-insensitive): a
 * wildcard such as `sagemaker:Describe*` is not a companion.
 */
export const BEDROCK_COMPANION_ACTIONS: ReadonlySet<string> = new Set(
  [
    'iam:PassRole',
    'iam:ListRoles',
    'iam:GetRole',
    'kms:DescribeKey',
    'kms:ListKeys',
    'ec2:DescribeVpcs',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
    'aws-marketplace:Subscribe',
    'aws-marketplace:Unsubscribe',
    'aws-marketplace:ViewSubscriptions',
    'sagemaker:CreateEndpoint',
    'sagemaker:CreateEndpointConfig',
    'sagemaker:CreateModel',
    'sagemaker:DeleteEndpoint',
    'sagemaker:UpdateEndpoint',
    'sagemaker:AddTags',
    'sagemaker:DeleteTags',
    'sagemaker:DescribeEndpoint',
    'sagemaker:DescribeEndpointConfig',
    'sagemaker:DescribeModel',
    'sagemaker:DescribeInferenceComponent',
    'sagemaker:ListEndpoints',
    'sagemaker:ListTags',
    'sagemaker:InvokeEndpoint',
    'sagemaker:InvokeEndpointWithResponseStream',
    'sagemaker:DescribeHubContent',
    'sagemaker:ListHubContents',
  ].map((action) => action.toLowerCase()),
);

export interface PolicyScope {
  /**
   * 'bedrock': removing the policy takes away Bedrock access and its companions only.
   * 'general': it also grants other access (or cannot be read), so it must stay and a Deny is added.
   */
  scope: 'bedrock' | 'general';
  /** The non-Bedrock, non-companion allowances that made it general (at most a few, for display). */
  otherAccess: string[];
}

/**
 * The rule that decides between removing a grant path and adding an explicit Deny: a policy is
 * Bedrock-scoped when every Allow statement lists actions (no `NotAction`) that are Bedrock
 * actions (`bedrock*` services, any pattern) or Bedrock companions (exact names above).
 * `*`, `NotAction`, `s3:GetObject`, `logs:Get*` ... make it general. An unreadable document is
 * general: we never remove what we cannot read.
 */
export function classifyPolicyScope(document: PolicyDocumentSource | null | undefined): PolicyScope {
  if (document === null || document === undefined) return { scope: 'general', otherAccess: ['(document not in the snapshot)'] };
  let statements;
  try {
    statements = parsePolicyDocument(document);
  } catch {
    return { scope: 'general', otherAccess: ['(document cannot be read)'] };
  }
  const otherAccess: string[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow') continue;
    if (statement.notActions) {
      otherAccess.push(`NotAction ${statement.notActions.join(', ')}`);
      continue;
    }
    for (const pattern of statement.actions ?? []) {
      if (isBedrockService(serviceOf(pattern))) continue;
      if (BEDROCK_COMPANION_ACTIONS.has(pattern.toLowerCase())) continue;
      otherAccess.push(pattern);
    }
  }
  const unique = [...new Set(otherAccess)];
  return unique.length === 0 ? { scope: 'bedrock', otherAccess: [] } : { scope: 'general', otherAccess: unique.slice(0, 8) };
}
