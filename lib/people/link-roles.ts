import type { PolicyDocumentSource } from '../analysis/types';
import type { AccountAssignment, AssignmentVia, IdentityCenterDirectory, PermissionSet } from './types';

/** The facts of an `AWSReservedSSO_*` role that linking needs (a subset of `RoleFacts`). */
export interface SsoRoleInput {
  arn: string;
  accountId: string;
  name: string;
  /** Parsed from the role name; roles without one are not Identity Center roles and are ignored. */
  permissionSetName: string | null;
  attachedManagedPolicyArns: string[];
  inlinePolicies: Array<{ name: string; document: PolicyDocumentSource }>;
  permissionsBoundaryArn: string | null;
}

/** One person reaching one permission set in one account, one way. */
export interface PersonAssignment {
  userId: string;
  accountId: string;
  permissionSetArn: string;
  permissionSetName: string;
  via: AssignmentVia;
  /** The role the assignment materialises as; null when the account has no such role (not provisioned, or not scanned). */
  roleArn: string | null;
}

/** An SSO role and the permission set behind it; `permissionSetArn` null means unlinked. */
export interface RoleLink {
  roleArn: string;
  accountId: string;
  permissionSetName: string;
  permissionSetArn: string | null;
  /** Sentences naming each difference between the permission set and the role's IAM policies. */
  drift: string[];
}

export interface PeopleModel {
  personAssignments: PersonAssignment[];
  roleLinks: RoleLink[];
  /** Group assignments whose group has no members: they give nobody access today, and anybody added later. */
  emptyGroupAssignments: Array<AccountAssignment & { groupName: string }>;
  /** SSO roles of a known permission set in an account where nobody is assigned that set. */
  unassignedProvisionedRoles: Array<{ roleArn: string; accountId: string; permissionSetArn: string; permissionSetName: string }>;
  /** Problems worth a line on the scan: unlinked roles, dangling references, drift. */
  warnings: string[];
}

/**
 * What a scan stores so that its person assignments can be expanded at read time (the
 * `person_assignments` view): per account assignment, in the directory's order, the role it
 * becomes and whether it reaches people at all (first listing, known permission set and
 * principal); per group membership, whether it gives the user the group's assignments (first
 * listing, known user). Expanding the effective assignments through the effective memberships
 * gives exactly `personAssignments`.
 */
export interface LinkedPeopleModel extends PeopleModel {
  assignmentOutcomes: Array<{ roleArn: string | null; isEffective: boolean }>;
  membershipIsEffective: boolean[];
}

/** The name Identity Center gives a permission set's inline policy on the role. */
export const PERMISSION_SET_INLINE_POLICY_NAME = 'AwsSSOInlinePolicy';

function parseDocument(source: PolicyDocumentSource | string): unknown {
  if (typeof source !== 'string') return source;
  try {
    return JSON.parse(source) as unknown;
  } catch {
    // IAM returns documents URL-encoded; the Identity Center API returns them as plain JSON.
    try {
      return JSON.parse(decodeURIComponent(source)) as unknown;
    } catch {
      return source;
    }
  }
}

/** JSON with object keys sorted, so two documents that differ only in key order compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function customerPolicyArn(accountId: string, reference: { name: string; path: string }, partition: string): string {
  const path = reference.path === '' ? '/' : reference.path;
  return `arn:${partition}:iam::${accountId}:policy${path}${reference.name}`;
}

function partitionOf(arn: string): string {
  return arn.split(':')[1] ?? 'aws';
}

/**
 * What the permission set says the role in `role.accountId` holds, compared with what IAM shows
 * on the role. A difference means the set was changed and not provisioned again, or the role was
 * changed behind Identity Center's back.
 */
export function describeDrift(permissionSet: PermissionSet, role: SsoRoleInput): string[] {
  const partition = partitionOf(role.arn);
  const drift: string[] = [];
  const expected = new Set([
    ...permissionSet.managedPolicies.map((policy) => policy.arn),
    ...permissionSet.customerManagedPolicies.map((reference) => customerPolicyArn(role.accountId, reference, partition)),
  ]);
  const actual = new Set(role.attachedManagedPolicyArns);
  for (const arn of [...expected].sort()) if (!actual.has(arn)) drift.push(`the permission set attaches ${arn}, the role does not have it`);
  for (const arn of [...actual].sort()) if (!expected.has(arn)) drift.push(`the role has ${arn} attached, the permission set does not`);

  const roleInline = role.inlinePolicies.find((policy) => policy.name === PERMISSION_SET_INLINE_POLICY_NAME);
  const otherInline = role.inlinePolicies.filter((policy) => policy.name !== PERMISSION_SET_INLINE_POLICY_NAME);
  if (permissionSet.inlinePolicy !== null && !roleInline) drift.push(`the permission set has an inline policy, the role has no ${PERMISSION_SET_INLINE_POLICY_NAME}`);
  else if (permissionSet.inlinePolicy === null && roleInline) drift.push(`the role has an inline ${PERMISSION_SET_INLINE_POLICY_NAME}, the permission set has no inline policy`);
  else if (permissionSet.inlinePolicy !== null && roleInline && canonicalJson(parseDocument(permissionSet.inlinePolicy)) !== canonicalJson(parseDocument(roleInline.document))) {
    drift.push(`the role's ${PERMISSION_SET_INLINE_POLICY_NAME} differs from the permission set's inline policy`);
  }
  for (const policy of otherInline) drift.push(`the role has an inline policy ${policy.name} that no permission set writes`);

  const boundary = permissionSet.permissionsBoundary;
  const expectedBoundary = boundary === null ? null : (boundary.managedPolicyArn ?? (boundary.customerManagedPolicy ? customerPolicyArn(role.accountId, boundary.customerManagedPolicy, partition) : null));
  if (expectedBoundary !== role.permissionsBoundaryArn) {
    drift.push(`permissions boundary: the permission set says ${expectedBoundary ?? 'none'}, the role has ${role.permissionsBoundaryArn ?? 'none'}`);
  }
  return drift;
}

/**
 * Links Identity Center to the scanned roles: who is behind each `AWSReservedSSO_*` role (direct
 * assignments and group members), which roles match no permission set, where the role has
 * drifted from its set, which assignments reach nobody (empty groups) and which roles nobody is
 * assigned to any more. Pure: the directory and the roles in, the model out.
 */
export function linkPeopleToRoles(directory: IdentityCenterDirectory, roles: SsoRoleInput[]): LinkedPeopleModel {
  const warnings: string[] = [];
  const permissionSetByArn = new Map(directory.permissionSets.map((set) => [set.arn, set]));
  const permissionSetByName = new Map(directory.permissionSets.map((set) => [set.name, set]));
  const userIds = new Set(directory.users.map((user) => user.userId));
  const groupById = new Map(directory.groups.map((group) => [group.groupId, group]));
  // A set per group: a membership listed twice gives the person the group's assignments once.
  const membersByGroup = new Map<string, Set<string>>();
  const membershipIsEffective: boolean[] = [];
  for (const membership of directory.memberships) {
    if (!userIds.has(membership.userId)) {
      warnings.push(`Identity Center: membership ${membership.membershipId} of group ${membership.groupId} names user ${membership.userId}, who is not in the identity store`);
      membershipIsEffective.push(false);
      continue;
    }
    const members = membersByGroup.get(membership.groupId) ?? new Set<string>();
    membershipIsEffective.push(!members.has(membership.userId));
    members.add(membership.userId);
    membersByGroup.set(membership.groupId, members);
  }

  const roleByAccountAndSet = new Map<string, SsoRoleInput>();
  const roleLinks: RoleLink[] = [];
  for (const role of roles) {
    if (role.permissionSetName === null) continue;
    const permissionSet = permissionSetByName.get(role.permissionSetName);
    if (!permissionSet) {
      warnings.push(`${role.arn}: no permission set named ${role.permissionSetName} in ${directory.instanceArn}; the role is unlinked (deleted set, or another instance)`);
      roleLinks.push({ roleArn: role.arn, accountId: role.accountId, permissionSetName: role.permissionSetName, permissionSetArn: null, drift: [] });
      continue;
    }
    const drift = describeDrift(permissionSet, role);
    if (drift.length > 0) warnings.push(`${role.arn}: drifted from permission set ${permissionSet.name}: ${drift.join('; ')}`);
    roleLinks.push({ roleArn: role.arn, accountId: role.accountId, permissionSetName: permissionSet.name, permissionSetArn: permissionSet.arn, drift });
    roleByAccountAndSet.set(`${role.accountId}|${permissionSet.arn}`, role);
  }

  const personAssignments: PersonAssignment[] = [];
  const emptyGroupAssignments: PeopleModel['emptyGroupAssignments'] = [];
  // Duplicates are found per account assignment (same account, set and principal listed twice),
  // not per person: a person row is one of a group's members, and members are a set already.
  // At #14's scale that is 200,000 keys instead of 1.15 million.
  const seen = new Set<string>();
  const assignedSets = new Set<string>();
  const directVia: AssignmentVia = { kind: 'direct' };
  const viaByGroup = new Map<string, AssignmentVia>();
  const assignmentOutcomes: LinkedPeopleModel['assignmentOutcomes'] = [];
  for (const assignment of directory.assignments) {
    const permissionSet = permissionSetByArn.get(assignment.permissionSetArn);
    if (!permissionSet) {
      warnings.push(`Identity Center: an assignment in account ${assignment.accountId} names permission set ${assignment.permissionSetArn}, which the instance does not list`);
      assignmentOutcomes.push({ roleArn: null, isEffective: false });
      continue;
    }
    const roleArn = roleByAccountAndSet.get(`${assignment.accountId}|${permissionSet.arn}`)?.arn ?? null;
    const key = `${assignment.principalType}|${assignment.principalId}|${assignment.accountId}|${permissionSet.arn}`;
    const isRepeat = seen.has(key);
    seen.add(key);
    // Effective unless a check below turns it down: a repeat, or a principal the store does not list.
    const outcome = { roleArn, isEffective: !isRepeat };
    assignmentOutcomes.push(outcome);
    const add = (userId: string, via: AssignmentVia) => {
      if (isRepeat) return;
      personAssignments.push({ userId, accountId: assignment.accountId, permissionSetArn: permissionSet.arn, permissionSetName: permissionSet.name, via, roleArn });
    };
    if (assignment.principalType === 'USER') {
      if (!userIds.has(assignment.principalId)) {
        warnings.push(`Identity Center: an assignment of ${permissionSet.name} in account ${assignment.accountId} names user ${assignment.principalId}, who is not in the identity store`);
        outcome.isEffective = false;
        continue;
      }
      add(assignment.principalId, directVia);
      assignedSets.add(`${assignment.accountId}|${permissionSet.arn}`);
      continue;
    }
    const group = groupById.get(assignment.principalId);
    if (!group) {
      warnings.push(`Identity Center: an assignment of ${permissionSet.name} in account ${assignment.accountId} names group ${assignment.principalId}, which is not in the identity store`);
      outcome.isEffective = false;
      continue;
    }
    const members = membersByGroup.get(group.groupId);
    if (!members || members.size === 0) {
      emptyGroupAssignments.push({ ...assignment, groupName: group.displayName });
      continue;
    }
    assignedSets.add(`${assignment.accountId}|${permissionSet.arn}`);
    let via = viaByGroup.get(group.groupId);
    if (!via) {
      via = { kind: 'group', groupId: group.groupId, groupName: group.displayName };
      viaByGroup.set(group.groupId, via);
    }
    for (const userId of members) add(userId, via);
  }

  const unassignedProvisionedRoles: PeopleModel['unassignedProvisionedRoles'] = [];
  for (const link of roleLinks) {
    if (link.permissionSetArn === null || assignedSets.has(`${link.accountId}|${link.permissionSetArn}`)) continue;
    unassignedProvisionedRoles.push({ roleArn: link.roleArn, accountId: link.accountId, permissionSetArn: link.permissionSetArn, permissionSetName: link.permissionSetName });
  }
  return { personAssignments, roleLinks, emptyGroupAssignments, unassignedProvisionedRoles, warnings, assignmentOutcomes, membershipIsEffective };
}
