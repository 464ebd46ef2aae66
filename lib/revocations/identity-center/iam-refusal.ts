/**
 * Roles an IAM write must never target, and why: the seam the IAM planner calls before planning.
 * `AWSReservedSSO_*` roles are owned by Identity Center (IAM answers UnmodifiableEntity); their
 * access is revoked with planAssignmentRevocation / planPermissionSetRevocation instead.
 * Service-linked roles belong to the service that created them.
 */
export type IamRefusal = { kind: 'identity-center'; reason: string } | { kind: 'service-linked'; reason: string };

const IDENTITY_CENTER_ROLE = /^AWSReservedSSO_.+_[0-9a-f]{16}$/;

/** Null when IAM may change the role; otherwise which kind of role it is and a sentence saying why not. */
export function refuseIamWrite(role: { name: string; path: string }): IamRefusal | null {
  if (role.path.startsWith('/aws-reserved/sso.amazonaws.com/') && IDENTITY_CENTER_ROLE.test(role.name)) {
    return { kind: 'identity-center', reason: `${role.name} is created and managed by IAM Identity Center; IAM refuses changes to it (UnmodifiableEntity). Revoke the assignment, or change the permission set, at Identity Center.` };
  }
  if (role.path.startsWith('/aws-service-role/')) {
    return { kind: 'service-linked', reason: `${role.name} is a service-linked role: only the service that created it can change it, and its permissions are defined by AWS. It cannot be revoked here.` };
  }
  return null;
}
