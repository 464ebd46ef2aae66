import { createHash } from 'node:crypto';
import type { PeopleModel } from '../../people/link-roles';
import { describeVia, type AssignmentVia, type IdentityCenterDirectory, type PermissionSet } from '../../people/types';
import type { AffectedPerson, IdentityCenterCall, IdentityCenterPlan } from './types';

/** Identity Center's limit on a permission set's inline policy (characters). */
export const PERMISSION_SET_INLINE_POLICY_LIMIT = 32_768;

/** A planning refusal with the reason a person can read. */
export class IdentityCenterPlanError extends Error {
  override name = 'IdentityCenterPlanError';
}

/** Revoking one person's assignment: (person, permission set, account, via). */
export interface AssignmentTarget {
  kind: 'assignment';
  userId: string;
  accountId: string;
  permissionSetArn: string;
  via: AssignmentVia;
}

/** Revoking Bedrock actions at the role level: changes the permission set everywhere it is provisioned. */
export interface PermissionSetTarget {
  kind: 'permission-set';
  permissionSetArn: string;
  /** The Bedrock actions to take away. */
  actions: string[];
  /** The AWS managed policy granting them, when the grant path is one the set attaches. */
  managedPolicyArn: string | null;
  /** True when that managed policy grants nothing but Bedrock (lib/revocations/classify-policy): detaching it takes away nothing else. */
  isManagedPolicyBedrockScoped: boolean;
  /** Accounts the set is provisioned to (ListAccountsForProvisionedPermissionSet or the snapshot's roles). */
  provisionedAccountIds: string[];
}

function userNameOf(directory: IdentityCenterDirectory, userId: string): string {
  return directory.users.find((user) => user.userId === userId)?.userName ?? userId;
}

function permissionSetOf(directory: IdentityCenterDirectory, arn: string): PermissionSet {
  const set = directory.permissionSets.find((candidate) => candidate.arn === arn);
  if (!set) throw new IdentityCenterPlanError(`No permission set ${arn} in ${directory.instanceArn}.`);
  return set;
}

function sameVia(left: AssignmentVia, right: AssignmentVia): boolean {
  return left.kind === right.kind && (left.kind === 'direct' || (right.kind === 'group' && left.groupId === right.groupId));
}

/** Statement id of the deny this product adds to a permission set: stable, so a retry replaces it. */
export function permissionSetDenySid(permissionSetArn: string, actions: readonly string[]): string {
  return `BedrockAccessReviewDeny${createHash('sha256').update(`${permissionSetArn}|${[...new Set(actions)].sort().join(',')}`).digest('hex').slice(0, 12)}`;
}

/**
 * The permission set's inline policy with an explicit Deny of `actions` added (or replaced, same
 * Sid): Identity Center holds one inline policy per set, so the deny is merged into it.
 */
export function inlinePolicyWithDeny(current: string | null, permissionSetArn: string, actions: readonly string[]): string {
  const sid = permissionSetDenySid(permissionSetArn, actions);
  let document: { Version: string; Statement: Array<Record<string, unknown>> } = { Version: '2012-10-17', Statement: [] };
  if (current !== null) {
    const parsed = JSON.parse(current) as { Version?: string; Statement?: unknown };
    const statements = Array.isArray(parsed.Statement) ? (parsed.Statement as Array<Record<string, unknown>>) : parsed.Statement ? [parsed.Statement as Record<string, unknown>] : [];
    document = { Version: parsed.Version ?? '2012-10-17', Statement: statements.filter((statement) => statement.Sid !== sid) };
  }
  document.Statement.push({ Sid: sid, Effect: 'Deny', Action: [...new Set(actions)].sort(), Resource: '*' });
  return JSON.stringify(document);
}

/**
 * Plans the revocation of one assignment of one person. Through a group: `identitystore
 * DeleteGroupMembership` (the group and its assignment stay; the person also loses everything else
 * the group gives them, listed, and the other members keep theirs). Direct: `sso-admin
 * DeleteAccountAssignment`, then `DescribeAccountAssignmentDeletionStatus` until it leaves
 * IN_PROGRESS (the deletion is asynchronous). Rollback recreates what was removed.
 *
 * @throws IdentityCenterPlanError when the assignment is not in the model (gone since the snapshot).
 */
export function planAssignmentRevocation(directory: IdentityCenterDirectory, model: PeopleModel, target: AssignmentTarget): IdentityCenterPlan {
  const set = permissionSetOf(directory, target.permissionSetArn);
  const assignment = model.personAssignments.find(
    (candidate) => candidate.userId === target.userId && candidate.accountId === target.accountId && candidate.permissionSetArn === target.permissionSetArn && sameVia(candidate.via, target.via),
  );
  if (!assignment) throw new IdentityCenterPlanError(`${userNameOf(directory, target.userId)} is not assigned ${set.name} in ${target.accountId} ${describeVia(target.via)}: nothing to revoke.`);
  const userName = userNameOf(directory, target.userId);
  const base = { version: 1 as const, instanceArn: directory.instanceArn, identityStoreId: directory.identityStoreId, permissionSetArn: set.arn, permissionSetName: set.name, accountIds: [target.accountId] };

  if (target.via.kind === 'group') {
    const groupId = target.via.groupId;
    const groupName = target.via.groupName;
    const membership = directory.memberships.find((candidate) => candidate.groupId === groupId && candidate.userId === target.userId);
    if (!membership) throw new IdentityCenterPlanError(`${userName} is no longer a member of ${groupName}.`);
    // Leaving the group removes every assignment the group gives this person, not only this one.
    const viaGroup = model.personAssignments.filter((candidate) => candidate.userId === target.userId && candidate.via.kind === 'group' && candidate.via.groupId === groupId);
    const otherMembers = [...new Set(model.personAssignments.filter((candidate) => candidate.via.kind === 'group' && candidate.via.groupId === groupId && candidate.userId !== target.userId).map((candidate) => candidate.userId))];
    const stillDirect = model.personAssignments.some((candidate) => candidate.userId === target.userId && candidate.accountId === target.accountId && candidate.permissionSetArn === set.arn && !sameVia(candidate.via, target.via));
    const notes = [`${otherMembers.length} other member(s) of ${groupName} keep its assignments; the group and its assignments are not changed.`];
    const collateral = viaGroup.filter((candidate) => !(candidate.accountId === target.accountId && candidate.permissionSetArn === set.arn));
    if (collateral.length > 0) notes.push(`${userName} also loses, through ${groupName}: ${collateral.map((candidate) => `${candidate.permissionSetName} in ${candidate.accountId}`).join(', ')}.`);
    if (stillDirect) notes.push(`${userName} keeps ${set.name} in ${target.accountId} another way (a direct assignment or another group); revoke that too to remove the access.`);
    return {
      ...base,
      kind: 'remove-from-group',
      reason: `The access comes through group ${groupName}: the person leaves the group (identitystore DeleteGroupMembership); nobody else is affected.`,
      calls: [{ service: 'identitystore', action: 'DeleteGroupMembership', input: { IdentityStoreId: directory.identityStoreId, MembershipId: membership.membershipId } }],
      rollbackCalls: [{ service: 'identitystore', action: 'CreateGroupMembership', input: { IdentityStoreId: directory.identityStoreId, GroupId: groupId, MemberId: { UserId: target.userId } } }],
      losing: [{ userId: target.userId, userName, via: describeVia(target.via), accountIds: [...new Set(viaGroup.map((candidate) => candidate.accountId))].sort() }],
      keeping: otherMembers.map((userId): AffectedPerson => ({ userId, userName: userNameOf(directory, userId), via: describeVia(target.via) })),
      notes,
    };
  }

  const assignmentInput = { InstanceArn: directory.instanceArn, TargetId: target.accountId, TargetType: 'AWS_ACCOUNT', PermissionSetArn: set.arn, PrincipalType: 'USER', PrincipalId: target.userId };
  const keeping = model.personAssignments
    .filter((candidate) => candidate.accountId === target.accountId && candidate.permissionSetArn === set.arn && candidate.userId !== target.userId)
    .map((candidate): AffectedPerson => ({ userId: candidate.userId, userName: userNameOf(directory, candidate.userId), via: describeVia(candidate.via) }));
  const notes = keeping.length > 0 ? [`${keeping.length} other assignment(s) of ${set.name} in ${target.accountId} stay.`] : [];
  const stillOtherWay = model.personAssignments.filter((candidate) => candidate.userId === target.userId && candidate.accountId === target.accountId && candidate.permissionSetArn === set.arn && candidate.via.kind === 'group');
  if (stillOtherWay.length > 0) notes.push(`${userName} keeps ${set.name} in ${target.accountId} through ${stillOtherWay.map((candidate) => describeVia(candidate.via)).join(', ')}; revoke that too to remove the access.`);
  return {
    ...base,
    kind: 'delete-assignment',
    reason: `A direct assignment: it is deleted (sso-admin DeleteAccountAssignment) and the deletion polled until it completes; the permission set and other assignments are not changed.`,
    calls: [
      { service: 'sso-admin', action: 'DeleteAccountAssignment', input: assignmentInput },
      { service: 'sso-admin', action: 'DescribeAccountAssignmentDeletionStatus', input: { InstanceArn: directory.instanceArn }, pollsRequestOf: 0 },
    ],
    rollbackCalls: [
      { service: 'sso-admin', action: 'CreateAccountAssignment', input: assignmentInput },
      { service: 'sso-admin', action: 'DescribeAccountAssignmentCreationStatus', input: { InstanceArn: directory.instanceArn }, pollsRequestOf: 0 },
    ],
    losing: [{ userId: target.userId, userName, via: 'direct', accountIds: [target.accountId] }],
    keeping,
    notes,
  };
}

/**
 * Plans a role-level revocation on an `AWSReservedSSO_*` role: the role belongs to its permission
 * set, so the set changes, and with it every account the set is provisioned to. A Bedrock-only AWS
 * managed policy is detached (DetachManagedPolicyFromPermissionSet); otherwise an explicit Deny of
 * the actions is merged into the set's inline policy (PutInlinePolicyToPermissionSet). Then
 * ProvisionPermissionSet pushes the change to every provisioned account and its status is polled.
 * The plan lists every account and person the set reaches, for the approver.
 *
 * @throws IdentityCenterPlanError when the deny does not fit the inline policy limit.
 */
export function planPermissionSetRevocation(directory: IdentityCenterDirectory, model: PeopleModel, target: PermissionSetTarget): IdentityCenterPlan {
  const set = permissionSetOf(directory, target.permissionSetArn);
  const reached = model.personAssignments.filter((candidate) => candidate.permissionSetArn === set.arn);
  const accountsByUser = new Map<string, { via: Set<string>; accountIds: Set<string> }>();
  for (const candidate of reached) {
    const entry = accountsByUser.get(candidate.userId) ?? { via: new Set<string>(), accountIds: new Set<string>() };
    entry.via.add(describeVia(candidate.via));
    entry.accountIds.add(candidate.accountId);
    accountsByUser.set(candidate.userId, entry);
  }
  const losing = [...accountsByUser.entries()]
    .map(([userId, entry]) => ({ userId, userName: userNameOf(directory, userId), via: [...entry.via].sort().join(', '), accountIds: [...entry.accountIds].sort() }))
    .sort((left, right) => left.userName.localeCompare(right.userName));
  const accountIds = [...new Set(target.provisionedAccountIds)].sort();
  const provision: IdentityCenterCall[] = [
    { service: 'sso-admin', action: 'ProvisionPermissionSet', input: { InstanceArn: directory.instanceArn, PermissionSetArn: set.arn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' } },
  ];
  const base = { version: 1 as const, instanceArn: directory.instanceArn, identityStoreId: directory.identityStoreId, permissionSetArn: set.arn, permissionSetName: set.name, losing, keeping: [], accountIds };
  const reach = `Permission set ${set.name} is provisioned to ${accountIds.length} account(s) and reaches ${losing.length} person(s); all of them lose these actions.`;

  const attached = target.managedPolicyArn !== null && set.managedPolicies.some((policy) => policy.arn === target.managedPolicyArn);
  if (attached && target.isManagedPolicyBedrockScoped && target.managedPolicyArn !== null) {
    const calls: IdentityCenterCall[] = [{ service: 'sso-admin', action: 'DetachManagedPolicyFromPermissionSet', input: { InstanceArn: directory.instanceArn, PermissionSetArn: set.arn, ManagedPolicyArn: target.managedPolicyArn } }, ...provision];
    calls.push({ service: 'sso-admin', action: 'DescribePermissionSetProvisioningStatus', input: { InstanceArn: directory.instanceArn }, pollsRequestOf: calls.length - 1 });
    return {
      ...base,
      kind: 'permission-set-detach',
      reason: `${target.managedPolicyArn} grants only Bedrock: it is detached from the permission set, then the set is provisioned again. IAM cannot change an AWSReservedSSO_* role.`,
      calls,
      rollbackCalls: [{ service: 'sso-admin', action: 'AttachManagedPolicyToPermissionSet', input: { InstanceArn: directory.instanceArn, PermissionSetArn: set.arn, ManagedPolicyArn: target.managedPolicyArn } }, ...provision],
      notes: [reach],
    };
  }

  const document = inlinePolicyWithDeny(set.inlinePolicy, set.arn, target.actions);
  if (document.length > PERMISSION_SET_INLINE_POLICY_LIMIT) {
    throw new IdentityCenterPlanError(`The deny does not fit ${set.name}'s inline policy (${document.length} of ${PERMISSION_SET_INLINE_POLICY_LIMIT} characters): shorten the inline policy or revoke assignments instead.`);
  }
  const calls: IdentityCenterCall[] = [{ service: 'sso-admin', action: 'PutInlinePolicyToPermissionSet', input: { InstanceArn: directory.instanceArn, PermissionSetArn: set.arn, InlinePolicy: document } }, ...provision];
  calls.push({ service: 'sso-admin', action: 'DescribePermissionSetProvisioningStatus', input: { InstanceArn: directory.instanceArn }, pollsRequestOf: calls.length - 1 });
  const restoreInline: IdentityCenterCall =
    set.inlinePolicy === null
      ? { service: 'sso-admin', action: 'DeleteInlinePolicyFromPermissionSet', input: { InstanceArn: directory.instanceArn, PermissionSetArn: set.arn } }
      : { service: 'sso-admin', action: 'PutInlinePolicyToPermissionSet', input: { InstanceArn: directory.instanceArn, PermissionSetArn: set.arn, InlinePolicy: set.inlinePolicy } };
  return {
    ...base,
    kind: 'permission-set-deny',
    reason: `${target.managedPolicyArn === null ? 'The granting policy is the set\'s own inline policy or a customer managed policy' : `${target.managedPolicyArn} also grants more than Bedrock`}: an explicit Deny of the ${[...new Set(target.actions)].length} action(s) is added to the permission set's inline policy, then the set is provisioned again. IAM cannot change an AWSReservedSSO_* role.`,
    calls,
    rollbackCalls: [restoreInline, ...provision],
    notes: [reach],
  };
}
