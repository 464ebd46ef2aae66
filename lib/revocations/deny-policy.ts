import { createHash } from 'node:crypto';
import { serviceOf } from './policy-document';

/** IAM's limits on inline policy size (whitespace excluded): users 2,048, roles 10,240 characters. */
export const INLINE_POLICY_SIZE_LIMIT = { user: 2048, role: 10240 } as const;

export const DENY_POLICY_PREFIX = 'BedrockAccessReview-Deny-';

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

function documentFor(actions: string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'BedrockAccessReviewRevocation', Effect: 'Deny', Action: actions, Resource: '*' }] });
}

/**
 * An inline Deny for exactly the Bedrock actions in question. When the list is too long for an
 * inline policy (an AdministratorAccess holder has every Bedrock action), the deny names whole
 * services (`bedrock:*`) instead: it then also denies Bedrock actions the entitlement did not grant.
 */
export function buildDenyPolicy(entitlementKey: string, actions: readonly string[], principalType: 'user' | 'role'): DenyPolicy {
  const sorted = [...new Set(actions)].sort();
  const exact = documentFor(sorted);
  if (exact.length <= INLINE_POLICY_SIZE_LIMIT[principalType]) return { name: denyPolicyName(entitlementKey), document: exact, isWidened: false };
  const services = [...new Set(sorted.map(serviceOf))].sort().map((service) => `${service}:*`);
  return { name: denyPolicyName(entitlementKey), document: documentFor(services), isWidened: true };
}
