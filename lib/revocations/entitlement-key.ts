import { entitlementKey, type EntitlementPath } from '../analysis/entitlements';
import { ValidationError } from '../http/errors';

/**
 * A key that does not parse back to the path it names (e.g. a `|` inside a crafted policy
 * name): the request is wrong, not the server, so it is a `ValidationError` (400).
 */
export class InvalidEntitlementKeyError extends ValidationError {
  constructor(key: string) {
    super(`Not an entitlement key: ${key}`);
    this.name = 'InvalidEntitlementKeyError';
  }
}

/** The inverse of `entitlementKey` (lib/analysis/entitlements.ts): `principalArn|policy|via`. */
export function parseEntitlementKey(key: string): { principalArn: string; path: EntitlementPath } {
  const parts = key.split('|');
  if (parts.length !== 3) throw new InvalidEntitlementKeyError(key);
  const [principalArn, policy, via] = parts;
  const isInline = policy.startsWith('inline:');
  const policyArn = isInline ? null : policy.startsWith('arn:') ? policy : null;
  const policyName = isInline ? policy.slice('inline:'.length) : policy.split('/').pop() ?? policy;
  const groupName = via.startsWith('group:') ? via.slice('group:'.length) : null;
  if (via !== 'direct' && groupName === null) throw new InvalidEntitlementKeyError(key);
  const path: EntitlementPath = {
    policyKind: isInline ? 'inline' : 'managed',
    policyArn,
    policyName,
    isAwsManaged: policyArn?.startsWith('arn:aws:iam::aws:policy/') ?? false,
    attachedVia: groupName === null ? 'direct' : 'group',
    groupName,
  };
  if (entitlementKey(principalArn, path) !== key) throw new InvalidEntitlementKeyError(key);
  return { principalArn, path };
}
