import type { UserRole } from './roles';

/**
 * What the app takes from an OpenID Connect sign-in: the ID token's claims, completed by the
 * userinfo response when the provider keeps `email` (or the role claim) out of the ID token.
 */
export interface DirectoryClaims {
  subject: string;
  email: string | null;
  /** `email_verified` as sent; null when the provider did not send it. */
  emailVerified: boolean | null;
  name: string | null;
  /** Values of the configured role claim (groups or roles); null when the claim is absent. */
  roleClaimValues: string[] | null;
}

type ClaimSet = Record<string, unknown>;

/** Reads a claim by name, or by a dotted path for nested claims such as `realm_access.roles`. */
export function readClaim(claims: ClaimSet, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as ClaimSet)[part];
  }
  return value;
}

function claimValues(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return null;
}

function verifiedFlag(value: unknown): boolean | null {
  // Some providers send the flag as the string "true" (the spec says boolean).
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/**
 * Merges the ID token's claims with userinfo's. The ID token wins where both speak; userinfo
 * is used only when its `sub` is the ID token's (OpenID Connect Core 5.3.2), otherwise ignored.
 */
export function readDirectoryClaims(idTokenClaims: ClaimSet, userinfo: ClaimSet | null, roleClaim: string | null): DirectoryClaims {
  const subject = String(idTokenClaims.sub ?? '');
  const extra = userinfo && userinfo.sub === idTokenClaims.sub ? userinfo : {};
  const pick = (name: string) => {
    const fromToken = readClaim(idTokenClaims, name);
    return fromToken === undefined || fromToken === null ? readClaim(extra, name) : fromToken;
  };
  const email = pick('email');
  const emailFromToken = typeof readClaim(idTokenClaims, 'email') === 'string';
  // email_verified belongs to the email it describes: take it from the same source.
  const verified = emailFromToken ? readClaim(idTokenClaims, 'email_verified') : readClaim(extra, 'email_verified');
  const name = pick('name');
  return {
    subject,
    email: typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : null,
    emailVerified: verifiedFlag(verified),
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : null,
    roleClaimValues: roleClaim ? claimValues(pick(roleClaim)) : null,
  };
}

/** Whether the ID token lacks something userinfo must supply. */
export function needsUserinfo(idTokenClaims: ClaimSet, roleClaim: string | null): boolean {
  if (typeof idTokenClaims.email !== 'string') return true;
  return roleClaim !== null && readClaim(idTokenClaims, roleClaim) === undefined;
}

export type { UserRole };
