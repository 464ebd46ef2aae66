import { randomBytes } from 'node:crypto';

/**
 * Temporary access key ids carry the account they were issued for: `ASIA` + the 12-digit account
 * id + 4 random base32 characters (20 characters, like AWS's). The endpoint reads it back from the
 * SigV4 `Credential=` scope of each call to know which account it is serving; any other key (the
 * caller's base credentials) is the management account's.
 */
const TEMPORARY_KEY_PATTERN = /^ASIA(\d{12})[A-Z2-7]{4}$/;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Issues a temporary access key id that encodes `accountId`. */
export function issueTemporaryAccessKeyId(accountId: string): string {
  const suffix = Array.from(randomBytes(4), (byte) => BASE32[byte % 32]).join('');
  return `ASIA${accountId}${suffix}`;
}

/** The account encoded in a temporary key, or null for base credentials. */
export function accountOfAccessKeyId(accessKeyId: string): string | null {
  return TEMPORARY_KEY_PATTERN.exec(accessKeyId)?.[1] ?? null;
}

/** What the SigV4 `Authorization` header says about the call (signatures are not verified). */
export interface SignatureScope {
  accessKeyId: string;
  service: string | null;
  /** The signing region of the scope (CloudTrail LookupEvents is regional). */
  region?: string;
}

/** Parses `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, ...`. */
export function parseAuthorizationHeader(header: string | undefined): SignatureScope | null {
  const match = header ? /Credential=([^/,\s]+)\/[^/]+\/([^/]+)\/([^/]+)\/aws4_request/.exec(header) : null;
  if (!match) return null;
  return { accessKeyId: match[1], service: match[3], region: match[2] };
}

/** A random secret for temporary credentials; never meaningful, never verified. */
export function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}
