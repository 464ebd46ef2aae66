import type { GrantPath } from '../types';

/** "managed policy `AmazonBedrockFullAccess` attached through group `ml`", for titles and details. */
export function describeGrantPath(path: GrantPath): string {
  const policy = `${path.policyKind === 'managed' ? 'managed' : 'inline'} policy \`${path.policyName}\``;
  return path.attachedVia === 'group' ? `${policy} through group \`${path.groupName ?? '?'}\`` : policy;
}

/**
 * "statement #2 (`AllowInvoke`)" or "statement #2": counted from 1, as the principal page numbers
 * statements, with the Sid when there is one.
 */
export function describeStatement(path: GrantPath): string {
  const number = `statement #${path.statementIndex + 1}`;
  return path.statementId ? `${number} (\`${path.statementId}\`)` : number;
}

/** Identifies the entitlement (policy + attachment), ignoring the statement. */
export function entitlementPathKey(path: GrantPath): string {
  return `${path.policyKind}\u0000${path.policyArn ?? ''}\u0000${path.policyName}\u0000${path.attachedVia}\u0000${path.groupName ?? ''}`;
}

/** Identifies one statement of one entitlement. */
export function statementPathKey(path: GrantPath): string {
  return `${entitlementPathKey(path)}\u0000${path.statementIndex}`;
}
