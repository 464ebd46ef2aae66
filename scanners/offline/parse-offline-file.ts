import type { z } from 'zod';
import { isNestedDeeperThan } from '../../lib/analysis/policy/parse-policy';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../raw-types';
import { collectAccountIds } from './account-id';
import { MalformedJsonError, MixedAccountsError, OfflineFileError } from './errors';
import { describeMalformedArns, describeToleratedGaps } from './tolerated-gaps';
import type { IdentityCenterDirectory } from '../../lib/people/types';
import { mapIdentityCenter } from '../map/map-identity-center';
import { AUTHORIZATION_DETAILS_KEYS, authorizationDetailsSchema, credentialFileSchema, organizationFileSchema } from './schemas';

/** One usable file of an offline import, recognised by its shape. */
export type ParsedFile =
  | { kind: 'authorization-details'; file: string; accountId: string; details: AuthorizationDetails; /** What was tolerated (null or missing fields, malformed ARNs). */ warnings: string[] }
  | { kind: 'credentials'; file: string; accountId: string; credentials: RawCredentialFile }
  | { kind: 'organization'; file: string; organization: OrganizationFile }
  /** `identity-center.json`; `problems` name each record that was skipped (the rest is kept). */
  | { kind: 'identity-center'; file: string; identityCenter: IdentityCenterDirectory; problems: string[] };

/**
 * Decodes file bytes. Windows PowerShell 5 redirects (`aws ... > file.json`) write UTF-16 LE
 * with a byte-order mark, and some editors add a UTF-8 one; both must still import.
 */
export function decodeFileText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Authorization details nest about a dozen levels (policy documents included). */
export const MAX_FILE_NESTING_DEPTH = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}

function validate<T>(file: string, schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new OfflineFileError(file, 'invalid-shape', `looks like ${what} but does not match its format: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Parses and recognises one file's text. Throws `OfflineFileError` (with a code) when the file
 * is not JSON, has no recognisable shape, fails validation, or names no single account.
 */
export function parseOfflineFileText(file: string, text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new MalformedJsonError(file, cause);
  }
  // Real exports nest about a dozen levels; thousands break JSON.stringify later (persisting the
  // snapshot), which would fail the whole scan without naming this file.
  if (isNestedDeeperThan(value, MAX_FILE_NESTING_DEPTH)) throw new OfflineFileError(file, 'invalid-shape', `nested deeper than ${MAX_FILE_NESTING_DEPTH} levels, which no AWS export is`);
  if (!isRecord(value)) throw new OfflineFileError(file, 'not-authorization-details', 'the top level is not a JSON object, so this is not the output of `aws iam get-account-authorization-details`');

  if (AUTHORIZATION_DETAILS_KEYS.some((key) => key in value)) {
    const details = validate(file, authorizationDetailsSchema, value, 'authorization details');
    const accountIds = collectAccountIds(details);
    if (accountIds.length > 1) throw new MixedAccountsError(file, accountIds);
    if (accountIds.length === 0) throw new OfflineFileError(file, 'no-account-id', 'no user, group, role or customer managed policy ARN names the account');
    const warnings = [...describeToleratedGaps(value), ...describeMalformedArns(details, accountIds[0])];
    return { kind: 'authorization-details', file, accountId: accountIds[0], details, warnings };
  }
  if ('IdentityCenter' in value) {
    const mapped = mapIdentityCenter(value.IdentityCenter);
    if (mapped.directory === null) throw new OfflineFileError(file, 'invalid-shape', `looks like an Identity Center file but ${mapped.problems.join('; ')}`);
    return { kind: 'identity-center', file, identityCenter: mapped.directory, problems: mapped.problems };
  }
  if ('organization' in value && 'accounts' in value) {
    return { kind: 'organization', file, organization: validate(file, organizationFileSchema, value, 'an organisation file') };
  }
  if ('accountId' in value && 'users' in value) {
    const credentials = validate(file, credentialFileSchema, value, 'a credential file');
    return { kind: 'credentials', file, accountId: credentials.accountId, credentials };
  }
  throw new OfflineFileError(
    file,
    'not-authorization-details',
    `not the output of \`aws iam get-account-authorization-details\` (no ${AUTHORIZATION_DETAILS_KEYS.join('/')}), nor an organisation, credential or Identity Center file`,
  );
}
