import { createHash } from 'node:crypto';
import { IAM_QUOTAS, policySize } from './iam-limits';
import { serviceOf } from './policy-document';

/** IAM's limits on the aggregate inline policy size (whitespace excluded): users 2,048, roles 10,240 characters. */
export const INLINE_POLICY_SIZE_LIMIT = { user: IAM_QUOTAS.inlinePolicySize.user, role: IAM_QUOTAS.inlinePolicySize.role } as const;

export const DENY_POLICY_PREFIX = 'BedrockAccessReview-Deny-';
/** The one deny that replaces this app's earlier denies when another would not fit beside them. */
export const CONSOLIDATED_DENY_POLICY_NAME = `${DENY_POLICY_PREFIX}consolidated`;

/** Stable per entitlement, so putting the deny twice replaces it instead of adding a second one. */
export function denyPolicyName(entitlementKey: string): string {
  return `${DENY_POLICY_PREFIX}${createHash('sha256').update(entitlementKey).digest('hex').slice(0, 12)}`;
}

export interface DenyPolicy {
  name: string;
  /** Minified JSON text. */
  document: string;
  /** True when the exact action list did not fit and whole services are denied instead. */
  isWidened: boolean;
}

export function denyDocumentFor(actions: readonly string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'BedrockAccessReviewRevocation', Effect: 'Deny', Action: actions, Resource: '*' }] });
}

/** `bedrock:InvokeModel`, `bedrock-agentcore:X` -> `bedrock-agentcore:*`, `bedrock:*`. */
export function serviceWildcards(actions: readonly string[]): string[] {
  return [...new Set(actions.map(serviceOf))].sort().map((service) => `${service}:*`);
}

/**
 * An inline Deny for exactly the Bedrock actions in question, within `budget` characters (what
 * the principal's other inline policies leave of IAM's aggregate limit). When the exact list does
 * not fit (an AdministratorAccess holder has every Bedrock action), the deny names whole services
 * (`bedrock:*`) instead: it then also denies Bedrock actions the entitlement did not grant. Null
 * when not even that fits.
 */
export function buildDenyPolicy(entitlementKey: string, actions: readonly string[], principalType: 'user' | 'role', budget: number = INLINE_POLICY_SIZE_LIMIT[principalType]): DenyPolicy | null {
  const sorted = [...new Set(actions)].sort();
  const exact = denyDocumentFor(sorted);
  if (policySize(exact) <= budget) return { name: denyPolicyName(entitlementKey), document: exact, isWidened: false };
  const widened = denyDocumentFor(serviceWildcards(sorted));
  if (policySize(widened) <= budget) return { name: denyPolicyName(entitlementKey), document: widened, isWidened: true };
  return null;
}
