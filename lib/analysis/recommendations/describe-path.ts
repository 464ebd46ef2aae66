import type { GrantPath } from '../types';

/** "managed policy `AmazonBedrockFullAccess` attached through group `ml`", for titles and details. */
export function describeGrantPath(path: GrantPath): string {
  const policy = `${path.policyKind === 'managed' ? 'managed' : 'inline'} policy \`${path.policyName}\``;
  return path.attachedVia === 'group' ? `${policy} through group \`${path.groupName ?? '?'}\`` : policy;
}

/** "statement `AllowInvoke`" or "statement #2" (1-based, as people count). */
export function describeStatement(path: GrantPath): string {
  return path.statementId ? `statement \`${path.statementId}\`` : `statement #${path.statementIndex + 1}`;
}

/** Identifies the entitlement (policy + attachment), ignoring the statement. */
export function entitlementPathKey(path: GrantPath): string {
  return `${path.policyKind}\u0000${path.policyArn ?? ''}\u0000${path.policyName}\u0000${path.attachedVia}\u0000${path.groupName ?? ''}`;
}

/** Identifies one statement of one entitlement. */
export function statementPathKey(path: GrantPath): string {
  return `${entitlementPathKey(path)}\u0000${path.statementIndex}`;
}
