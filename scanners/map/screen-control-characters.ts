import { escapeControlCharacters, firstControlCharacter } from '../../lib/text/control-characters';
import type { AuthorizationDetails } from '../raw-types';

/**
 * Entries of `get-account-authorization-details` whose names, paths, ids, ARNs or tags hold a
 * control character. IAM's character sets allow none, so such an entry is forged or corrupted;
 * its names would later reach scripts, logs and terminals (a newline in a revocation script's
 * comment runs the rest as a command). The entry is left out, the rest of the account is kept,
 * and a problem names the field.
 */

type Entry = Record<string, unknown>;

const LISTS = [
  { list: 'UserDetailList', kind: 'user', name: 'UserName', fields: ['UserName', 'UserId', 'Arn', 'Path'], policies: 'UserPolicyList' },
  { list: 'GroupDetailList', kind: 'group', name: 'GroupName', fields: ['GroupName', 'GroupId', 'Arn', 'Path'], policies: 'GroupPolicyList' },
  { list: 'RoleDetailList', kind: 'role', name: 'RoleName', fields: ['RoleName', 'RoleId', 'Arn', 'Path'], policies: 'RolePolicyList' },
  { list: 'Policies', kind: 'managed policy', name: 'PolicyName', fields: ['PolicyName', 'PolicyId', 'Arn', 'Path', 'DefaultVersionId'], policies: null },
] as const;

function* stringFields(entry: Entry, fields: readonly string[], policies: string | null): Generator<[string, unknown]> {
  for (const field of fields) yield [field, entry[field]];
  const nested = (key: string, inner: readonly string[]) =>
    (Array.isArray(entry[key]) ? (entry[key] as unknown[]) : []).flatMap((item, index) => inner.map((field): [string, unknown] => [`${key}[${index}].${field}`, (item as Entry | null)?.[field]]));
  if (policies) yield* nested(policies, ['PolicyName']);
  yield* nested('AttachedManagedPolicies', ['PolicyName', 'PolicyArn']);
  yield* nested('Tags', ['Key', 'Value']);
  if (Array.isArray(entry.GroupList)) for (const [index, group] of (entry.GroupList as unknown[]).entries()) yield [`GroupList[${index}]`, group];
  const boundary = entry.PermissionsBoundary as Entry | undefined;
  if (boundary) yield ['PermissionsBoundary.PermissionsBoundaryArn', boundary.PermissionsBoundaryArn];
}

export interface ScreenedDetails {
  details: AuthorizationDetails;
  /** One sentence per entry left out, naming the list, the index and the field. */
  problems: string[];
}

/** Pure: returns a copy without the entries that hold control characters (the input is not changed). */
export function screenControlCharacters(details: AuthorizationDetails): ScreenedDetails {
  const problems: string[] = [];
  const screened: Record<string, unknown[]> = {};
  for (const spec of LISTS) {
    const entries = (details[spec.list] ?? []) as unknown as Entry[];
    screened[spec.list] = entries.filter((entry, index) => {
      for (const [field, value] of stringFields(entry, spec.fields, spec.policies)) {
        const character = typeof value === 'string' ? firstControlCharacter(value) : null;
        if (character === null) continue;
        const name = typeof entry[spec.name] === 'string' ? escapeControlCharacters(entry[spec.name] as string) : '?';
        problems.push(`${spec.list}[${index}].${field} holds a control character (${character}), which IAM never returns; ${spec.kind} "${name}" was not imported`);
        return false;
      }
      return true;
    });
  }
  if (problems.length === 0) return { details, problems };
  return { details: { ...details, ...(screened as unknown as Pick<AuthorizationDetails, (typeof LISTS)[number]['list']>) }, problems };
}
