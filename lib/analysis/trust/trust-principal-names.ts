import type { TrustEntry } from '../types';

/** A principal of the snapshot as trust resolution needs it. */
export interface NamedPrincipal {
  arn: string;
  accountId: string;
}

/** `arn:aws:iam::123456789012:root` or a bare account id: the whole account is trusted. */
export const ROOT_PRINCIPAL = /^(?:arn:aws[a-z-]*:iam::)?(\d{12})(?::root)?$/i;
const ASSUMED_ROLE = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)/i;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/i;

/** Trust kinds that name IAM principals: only these add chains (services, SAML and OIDC do not). */
export const IAM_PRINCIPAL_KINDS: ReadonlySet<TrustEntry['kind']> = new Set(['public', 'same-account', 'organization-account', 'external-account']);

export interface NameIndex<Principal extends NamedPrincipal> {
  byArn: Map<string, Principal>;
  /** `account/roleName` -> role: session ARNs and trust ARNs written without the role's path. */
  roleByAccountAndName: Map<string, Principal>;
}

export function indexNames<Principal extends NamedPrincipal>(principals: readonly Principal[]): NameIndex<Principal> {
  const index: NameIndex<Principal> = { byArn: new Map(), roleByAccountAndName: new Map() };
  for (const principal of principals) {
    index.byArn.set(principal.arn.toLowerCase(), principal);
    const roleMatch = ROLE_ARN.exec(principal.arn);
    if (roleMatch) index.roleByAccountAndName.set(`${roleMatch[1]}/${roleMatch[2].toLowerCase()}`, principal);
  }
  return index;
}

/** Finds the snapshot principal a trust entry names by ARN (IAM ARNs compare case-insensitively here). */
export function resolveNamedPrincipal<Principal extends NamedPrincipal>(value: string, index: NameIndex<Principal>): Principal | undefined {
  const exact = index.byArn.get(value.toLowerCase());
  if (exact) return exact;
  const sessionMatch = ASSUMED_ROLE.exec(value) ?? ROLE_ARN.exec(value);
  if (!sessionMatch) return undefined;
  const [accountId, roleName] = sessionMatch.length === 4 ? [sessionMatch[2], sessionMatch[3]] : [sessionMatch[1], sessionMatch[2]];
  return index.roleByAccountAndName.get(`${accountId}/${roleName.toLowerCase()}`);
}
