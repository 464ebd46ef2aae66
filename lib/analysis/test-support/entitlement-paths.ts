import type { EntitlementPath } from '../entitlements';

/** Tests only: AmazonBedrockFullAccess attached to the principal itself, the entitlement most tests review. */
export const FULL_ACCESS_ATTACHED_DIRECTLY: EntitlementPath = {
  policyKind: 'managed',
  policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess',
  policyName: 'AmazonBedrockFullAccess',
  isAwsManaged: true,
  attachedVia: 'direct',
  groupName: null,
};
