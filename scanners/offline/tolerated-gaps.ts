import type { AuthorizationDetails } from '../raw-types';

/**
 * Warnings for what an authorization-details file lacks but the import tolerates (see
 * schemas.ts): fields printed as null or missing that AWS normally prints, and principals whose
 * ARN names no account. Each names the list, the field, how many entries and what it means
 * for the analysis, once per field rather than once per entry.
 */

interface ToleratedField {
  field: string;
  /** Also warn when the key is missing (AWS always prints it), not only when it is null. */
  isAlwaysPrinted: boolean;
  effect: string;
}

const NOT_USED = 'not used by the analysis';
const DATE_UNKNOWN = 'shown as unknown';

// Fields users, groups and roles print alike and the import reads alike.
const PATH: ToleratedField = { field: 'Path', isAlwaysPrinted: true, effect: "read as '/'" };
const PRINCIPAL_CREATE_DATE: ToleratedField = { field: 'CreateDate', isAlwaysPrinted: true, effect: DATE_UNKNOWN };
const ATTACHED_POLICIES: ToleratedField = { field: 'AttachedManagedPolicies', isAlwaysPrinted: false, effect: 'read as empty' };
const TAGS: ToleratedField = { field: 'Tags', isAlwaysPrinted: false, effect: 'read as no tags' };

/** By list, in the order its warnings are given. */
const TOLERATED: Record<keyof AuthorizationDetails, ToleratedField[]> = {
  UserDetailList: [
    PATH,
    { field: 'UserId', isAlwaysPrinted: true, effect: 'conditions on aws:userid stay undecided for these users' },
    PRINCIPAL_CREATE_DATE,
    { field: 'UserPolicyList', isAlwaysPrinted: false, effect: 'read as empty' },
    { field: 'GroupList', isAlwaysPrinted: false, effect: 'read as empty' },
    ATTACHED_POLICIES,
    TAGS,
  ],
  GroupDetailList: [
    PATH,
    { field: 'GroupId', isAlwaysPrinted: true, effect: NOT_USED },
    PRINCIPAL_CREATE_DATE,
    { field: 'GroupPolicyList', isAlwaysPrinted: false, effect: 'read as empty' },
    ATTACHED_POLICIES,
  ],
  RoleDetailList: [
    PATH,
    { field: 'RoleId', isAlwaysPrinted: true, effect: NOT_USED },
    PRINCIPAL_CREATE_DATE,
    { field: 'InstanceProfileList', isAlwaysPrinted: false, effect: NOT_USED },
    { field: 'RolePolicyList', isAlwaysPrinted: false, effect: 'read as empty' },
    ATTACHED_POLICIES,
    TAGS,
    { field: 'RoleLastUsed', isAlwaysPrinted: false, effect: 'last use unknown' },
  ],
  Policies: [
    { field: 'PolicyId', isAlwaysPrinted: true, effect: NOT_USED },
    PATH,
    { field: 'DefaultVersionId', isAlwaysPrinted: true, effect: 'the version flagged IsDefaultVersion is used' },
    { field: 'AttachmentCount', isAlwaysPrinted: true, effect: NOT_USED },
    { field: 'PermissionsBoundaryUsageCount', isAlwaysPrinted: false, effect: NOT_USED },
    { field: 'IsAttachable', isAlwaysPrinted: true, effect: NOT_USED },
    { field: 'Description', isAlwaysPrinted: false, effect: NOT_USED },
    { field: 'CreateDate', isAlwaysPrinted: true, effect: NOT_USED },
    { field: 'UpdateDate', isAlwaysPrinted: true, effect: NOT_USED },
  ],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Null or missing tolerated fields in the raw file (before validation fills them in). */
export function describeToleratedGaps(raw: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  for (const [listName, fields] of Object.entries(TOLERATED)) {
    const list = raw[listName];
    if (!Array.isArray(list) || list.length === 0) continue;
    for (const { field, isAlwaysPrinted, effect } of fields) {
      let nullCount = 0;
      let missingCount = 0;
      for (const entry of list) {
        if (!isRecord(entry)) continue;
        if (entry[field] === null) nullCount += 1;
        else if (isAlwaysPrinted && !(field in entry)) missingCount += 1;
      }
      const parts = [nullCount > 0 ? `null in ${nullCount}` : null, missingCount > 0 ? `missing in ${missingCount}` : null].filter((part) => part !== null);
      if (parts.length > 0) warnings.push(`${listName}: ${field} is ${parts.join(' and ')} of ${list.length} entries; ${effect}`);
    }
  }
  return warnings;
}

const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(user|role|group)\//;

/**
 * Users, groups and roles whose ARN names no account (`arn:aws:iam::aws:user/NAME`, seen in
 * redacted public examples): they are kept in the file's account, and that is said rather than
 * done silently. Conditions on their ARN stay undecided (see principal-facts.ts).
 */
export function describeMalformedArns(details: AuthorizationDetails, accountId: string): string[] {
  const warnings: string[] = [];
  const check = (kind: string, name: string, arn: string) => {
    const match = PRINCIPAL_ARN.exec(arn);
    if (match && match[1] === accountId) return;
    warnings.push(`${kind} ${name}: ARN ${arn} does not name account ${accountId}; assigned to account ${accountId}, the account of the file's other ARNs (conditions on its ARN stay undecided)`);
  };
  for (const user of details.UserDetailList) check('user', user.UserName, user.Arn);
  for (const group of details.GroupDetailList) check('group', group.GroupName, group.Arn);
  for (const role of details.RoleDetailList) check('role', role.RoleName, role.Arn);
  return warnings;
}
