/**
 * Principals that IAM itself refuses to change. A revocation never plans an IAM write on them:
 *
 * - `AWSReservedSSO_*` roles (path `/aws-reserved/sso.amazonaws.com/`) are created and owned by IAM
 *   Identity Center: every Put/Delete/Attach/Detach on them answers `UnmodifiableEntity`. Their
 *   access is revoked in Identity Center (the assignment, the group membership or the permission
 *   set), which is the `identity-center` plan kind (issue #14 plugs its planner into
 *   `PlanInput.planIdentityCenter`).
 * - Service-linked roles (path `/aws-service-role/`) belong to the AWS service that created them:
 *   their policies can only change with the service's own role definition, and IAM answers
 *   `UnmodifiableEntity` too. They are not revocable at all.
 */

export const PROTECTION_KINDS = ['identity-center', 'service-linked'] as const;
export type ProtectionKind = (typeof PROTECTION_KINDS)[number];

export interface PrincipalProtection {
  kind: ProtectionKind;
  /** The IAM error a write would get. */
  iamError: 'UnmodifiableEntity';
  /** A sentence for the page: "… cannot be revoked here, because …". */
  reason: string;
  /** Identity Center roles: the permission set the role belongs to, when known. */
  permissionSetName: string | null;
}

export const SSO_ROLE_PREFIX = 'AWSReservedSSO_';
export const SSO_ROLE_PATH_PREFIX = '/aws-reserved/sso.amazonaws.com/';
export const SERVICE_LINKED_ROLE_PATH_PREFIX = '/aws-service-role/';

/** `arn:aws:iam::123456789012:role/aws-service-role/x.amazonaws.com/Name` -> type, path, name. */
export function parsePrincipalArn(arn: string): { type: 'user' | 'role' | 'other'; path: string; name: string } {
  const match = /^arn:aws[\w-]*:iam::\d{12}:(user|role)(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!match) return { type: 'other', path: '/', name: arn.split('/').pop() ?? arn };
  return { type: match[1] as 'user' | 'role', path: match[2], name: match[3] };
}

/** `AWSReservedSSO_BedrockDevelopers_0123456789abcdef` -> `BedrockDevelopers`. */
function permissionSetOf(roleName: string): string | null {
  if (!roleName.startsWith(SSO_ROLE_PREFIX)) return null;
  const rest = roleName.slice(SSO_ROLE_PREFIX.length);
  const cut = rest.lastIndexOf('_');
  return cut > 0 ? rest.slice(0, cut) : rest || null;
}

/**
 * Whether IAM refuses writes on this principal, and why in words. Pure; works from the facts a
 * snapshot holds (type, name, path) or from the ARN alone (the ARN carries the path).
 */
export function protectionOf(principal: { arn: string; type?: 'user' | 'role'; name?: string; path?: string; permissionSetName?: string | null; isServiceLinked?: boolean }): PrincipalProtection | null {
  const parsed = parsePrincipalArn(principal.arn);
  const type = principal.type ?? parsed.type;
  if (type !== 'role') return null;
  const name = principal.name ?? parsed.name;
  const path = principal.path ?? parsed.path;
  if (principal.isServiceLinked === true || path.startsWith(SERVICE_LINKED_ROLE_PATH_PREFIX)) {
    const service = path.slice(SERVICE_LINKED_ROLE_PATH_PREFIX.length).replace(/\/$/, '') || 'an AWS service';
    return {
      kind: 'service-linked',
      iamError: 'UnmodifiableEntity',
      permissionSetName: null,
      reason: `${name} cannot be revoked here, because it is a service-linked role of ${service}: its permissions are defined by the service and IAM refuses changes to it (UnmodifiableEntity). Turn off the feature of ${service} that uses it, or delete the role through the service.`,
    };
  }
  if (name.startsWith(SSO_ROLE_PREFIX) || path.startsWith(SSO_ROLE_PATH_PREFIX)) {
    const permissionSetName = principal.permissionSetName ?? permissionSetOf(name);
    return {
      kind: 'identity-center',
      iamError: 'UnmodifiableEntity',
      permissionSetName,
      reason: `${name} cannot be revoked here, because it is an IAM Identity Center role${permissionSetName ? ` of permission set ${permissionSetName}` : ''}: IAM refuses changes to it (UnmodifiableEntity). Revoke the access in Identity Center instead: the account assignment, the group membership, or the permission set.`,
    };
  }
  return null;
}
