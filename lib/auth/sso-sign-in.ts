import type { AuthConfig } from '../config/schema';
import type { UserRole, UserSource } from './roles';
import type { DirectoryClaims } from './directory-claims';

/** Why a single sign-on was refused; each is also the `?error=` code the sign-in page explains. */
export const SSO_REFUSAL_REASONS = ['EmailMissing', 'EmailUnverified', 'NotProvisioned', 'Deactivated', 'NoDirectoryRole'] as const;
export type SsoRefusalReason = (typeof SSO_REFUSAL_REASONS)[number];

export interface KnownUser {
  id: number;
  email: string;
  role: UserRole;
  isActive: boolean;
  source: UserSource;
}

export type SsoSignInPlan =
  | { kind: 'refuse'; reason: SsoRefusalReason; email: string | null; detail: string }
  | { kind: 'allow'; email: string; name: string; create: { role: UserRole } | null; roleChange: { from: UserRole; to: UserRole } | null };

const ROLE_PRIVILEGE: UserRole[] = ['admin', 'auditor', 'owner'];

/** The role the directory grants through the mapping: the most privileged matching rule. */
export function mapDirectoryRole(values: string[] | null, rules: ReadonlyArray<{ value: string; role: UserRole }>): UserRole | null {
  if (!values || values.length === 0) return null;
  const present = new Set(values);
  const granted = rules.filter((rule) => present.has(rule.value)).map((rule) => rule.role);
  return ROLE_PRIVILEGE.find((role) => granted.includes(role)) ?? null;
}

/**
 * Decides one single sign-on (issue 21): the email must be present and verified, the person must
 * be an app user (or be provisioned just in time by the role mapping), and the role mapping, when
 * configured, sets the role at every sign-in. Users an admin created with the CLI keep their role
 * when the directory grants none; users the directory created lose access with it.
 */
export function planSsoSignIn(claims: DirectoryClaims, existing: KnownUser | null, auth: AuthConfig): SsoSignInPlan {
  const email = claims.email;
  if (!email) return { kind: 'refuse', reason: 'EmailMissing', email: null, detail: `subject ${claims.subject} has no email in the ID token or userinfo` };
  if (claims.emailVerified === false) return { kind: 'refuse', reason: 'EmailUnverified', email, detail: 'email_verified is false' };
  if (claims.emailVerified === null && !auth.allowMissingEmailVerified) {
    return { kind: 'refuse', reason: 'EmailUnverified', email, detail: 'email_verified is missing (auth.allowMissingEmailVerified is off)' };
  }
  if (existing && !existing.isActive) return { kind: 'refuse', reason: 'Deactivated', email, detail: 'the user is deactivated' };
  const mapping = auth.roleMapping;
  const mappedRole = mapping ? mapDirectoryRole(claims.roleClaimValues, mapping.rules) : null;
  const name = claims.name ?? email.split('@')[0];
  if (!existing) {
    if (mapping?.justInTimeProvisioning && mappedRole) return { kind: 'allow', email, name, create: { role: mappedRole }, roleChange: null };
    const why = !mapping ? 'no app user with this email (add one with the CLI)' : !mappedRole ? `no app user, and claim "${mapping.claim}" maps to no role` : 'no app user, and just-in-time provisioning is off';
    return { kind: 'refuse', reason: 'NotProvisioned', email, detail: why };
  }
  if (mapping && !mappedRole && existing.source === 'directory') {
    return { kind: 'refuse', reason: 'NoDirectoryRole', email, detail: `claim "${mapping.claim}" no longer maps to a role` };
  }
  const roleChange = mappedRole && mappedRole !== existing.role ? { from: existing.role, to: mappedRole } : null;
  return { kind: 'allow', email, name, create: null, roleChange };
}
